// Text for the planted networks and the tweetstorm: the flood's templates and slot fillers, the stealth
// network's talking points (each sentence in several wordings), the link network's lines and domains.
// Names of groups and outlets are generic or invented; the generator takes no side.

/** The flood's campaign hashtags; the first is its main tag. Digits and joiners get spelling variants. */
export const FLOOD_TAGS = ['منافقین_تروریست', 'نه_به_آشوب', 'آشوبگر_مزدور', 'فتنه_1401', 'StopMKOTerror'];
export const FLOOD_TAG_WEIGHTS = [40, 20, 18, 14, 8];

export const FLOOD_TEMPLATES = [
  '{group} با پول {sponsor} به دنبال {harm} در کشور هستند. {people} {resp}',
  'پشت پرده {harm} اخیر {group} هستند که از {sponsor} دستور می‌گیرند',
  'ملت ایران هرگز فریب {group} را نمی‌خورد',
  '{group} دستشان به خون مردم بی‌گناه آلوده است',
  'چرا رسانه‌های غربی درباره جنایات {group} سکوت کرده‌اند؟',
  '{sponsor} از {harm} در ایران حمایت می‌کند و {group} مجری آن هستند',
  'امنیت کشور خط قرمز {people} است',
  '{people} اجازه نمی‌دهند {group} کشور را به {harm} بکشانند',
  'اعترافات تازه نشان می‌دهد {group} در {place} {harm} را سازمان داده‌اند',
  'هر کس با {group} همراهی کند در {harm} شریک است',
  '{group} حتی به آمبولانس‌ها هم رحم نکردند',
  'سلاح‌هایی که در {place} کشف شد از طرف {sponsor} ارسال شده بود',
  'تاریخ فراموش نمی‌کند {group} در کنار دشمن ایستادند',
  'ما با هر گونه {harm} مخالفیم. ایران قوی می‌ماند',
  'آشوب راه حل نیست. {group} را بشناسید',
  '{n} نفر از عوامل {group} در {place} دستگیر شدند',
  'مزدوران {sponsor} بدانند {people} بیدار هستند',
  'دروغ‌های {group} دیگر خریدار ندارد',
  'همه دیدند {group} چگونه اموال مردم را در {place} آتش زدند',
  'صدای واقعی ایران صدای آرامش است نه {harm}',
  'پروژه {sponsor} برای {harm} در ایران شکست خورد',
  'به {group} بگویید {people} پشت وطن ایستاده‌اند',
  'کسانی که امروز {harm} می‌کنند فردا از {sponsor} مزد می‌گیرند',
  '{group} نماینده مردم ایران نیستند',
  'افشاگری: ارتباط {group} با {sponsor} ثابت شد',
  '{people} {resp}؛ نه به {harm}',
  '{n} سال خیانت {group} را فراموش نمی‌کنیم',
  'The {groupEn} are terrorists funded by foreign powers',
  'Iranians reject the violence of the {groupEn}',
  'Stop supporting {groupEn} terror',
  'Who pays the {groupEn}? Follow the money',
];

export const FLOOD_SLOTS: Readonly<Record<string, readonly string[]>> = {
  group: ['منافقین', 'گروهک منافقین', 'گروهک تروریستی', 'آشوبگران', 'مزدوران', 'تجزیه‌طلبان', 'عوامل بیگانه'],
  groupEn: ['MKO', 'MEK', 'rioters', 'foreign-backed rioters'],
  sponsor: ['آمریکا', 'رژیم صهیونیستی', 'سرویس‌های جاسوسی غرب', 'انگلیس', 'دشمنان ایران'],
  harm: ['ناامنی', 'آشوب', 'خرابکاری', 'ترور', 'آتش‌زدن اموال عمومی', 'جنگ داخلی', 'تجزیه کشور'],
  people: ['مردم ایران', 'ملت بیدار ایران', 'جوانان ایران', 'هموطنان عزیز', 'مردم شریف'],
  resp: ['اجازه نمی‌دهند', 'فریب نمی‌خورند', 'پاسخ قاطع می‌دهند', 'هوشیار هستند', 'پشت وطن ایستاده‌اند'],
};

export const FLOOD_BIOS = ['ایران سربلند', 'عاشق وطن', 'خادم ملت', 'ایران قوی', 'وطنم ایران', '🇮🇷'];

/**
 * The stealth network's talking points: each is a few sentences, each sentence in several wordings. A post
 * takes two or three sentences in some order, so members say the same thing without copying each other.
 */
export const TALKING_POINTS: ReadonlyArray<ReadonlyArray<readonly string[]>> = [
  [
    ['تحریم‌ها زندگی مردم را سخت کرده', 'فشار اقتصادی اصلی از تحریم‌هاست', 'مشکل اصلی معیشت مردم تحریم است'],
    ['نه دولت', 'مقصر اصلی مسئولان داخلی نیستند', 'این را کسی در رسانه‌ها نمی‌گوید'],
    [
      'حامیان تحریم دوست مردم نیستند',
      'کسی که از تحریم دفاع می‌کند دشمن سفره مردم است',
      'طرفداران تحریم را بشناسیم',
    ],
  ],
  [
    [
      'رسانه‌های خارجی چند تجمع کوچک را صد برابر بزرگ‌تر نشان می‌دهند',
      'شبکه‌های ماهواره‌ای اعتراضات محدود را انقلاب جلوه می‌دهند',
      'بزرگ‌نمایی رسانه‌های آن‌طرف آب حد ندارد',
    ],
    ['خیابان‌های شهر من کاملاً آرام است', 'من امروز در شهر بودم و خبری نبود', 'زندگی عادی در جریان است'],
    ['به هر ویدیویی اعتماد نکنید', 'خیلی از ویدیوها قدیمی است', 'فیلم‌های تقطیع‌شده را باور نکنید'],
  ],
  [
    ['گزارش پزشکی قانونی منتشر شد', 'پزشکی قانونی علت مرگ را اعلام کرد', 'نتیجه بررسی پزشکی قانونی روشن است'],
    ['علت فوت بیماری زمینه‌ای بوده', 'ضرب و شتمی در کار نبوده', 'مرگ بر اثر بیماری قبلی بوده است'],
    ['کسانی که شایعه ساختند باید پاسخگو باشند', 'شایعه‌سازان حالا چه می‌گویند؟', 'دروغ‌پردازی‌ها آشکار شد'],
  ],
  [
    [
      'کشورهای غربی که از حقوق بشر حرف می‌زنند',
      'مدعیان غربی حقوق بشر',
      'دولت‌هایی که امروز برای ما دل می‌سوزانند',
    ],
    [
      'معترضان خودشان را سرکوب می‌کنند',
      'در کشور خودشان با معترض چه می‌کنند؟',
      'با معترضان خودشان بدترین رفتار را دارند',
    ],
    ['این استاندارد دوگانه را ببینید', 'ریاکاری تا کجا؟', 'حقوق بشر برایشان ابزار سیاسی است'],
  ],
  [
    ['آمبولانس‌ها را آتش زدند', 'به خودروهای امدادی حمله کردند', 'حتی به آمبولانس رحم نکردند'],
    ['این اعتراض نیست', 'اسم این کار اعتراض مسالمت‌آمیز نیست', 'معترض واقعی چنین کاری نمی‌کند'],
    [
      'مردم باید صف خود را از آشوبگران جدا کنند',
      'حساب مردم از اغتشاشگران جداست',
      'مردم با خرابکاری همراه نیستند',
    ],
  ],
  [
    ['قطع اینترنت موقت است', 'محدودیت اینترنت برای امنیت مردم است', 'اینترنت به زودی عادی می‌شود'],
    [
      'فراخوان‌های خشونت از شبکه‌های خارجی صادر می‌شود',
      'هماهنگی آشوب‌ها از بیرون انجام می‌شود',
      'دستور اغتشاش از خارج می‌آید',
    ],
    ['کمی صبر کنید', 'امنیت مهم‌تر از سرعت اینترنت است', 'همه باید همکاری کنند'],
  ],
  [
    [
      'سلبریتی‌هایی که مردم را به خیابان می‌کشانند',
      'بعضی چهره‌های مشهور که آتش بیار معرکه شدند',
      'هنرمندانی که از خارج فراخوان می‌دهند',
    ],
    ['خودشان در امنیت کامل زندگی می‌کنند', 'خودشان هزینه‌ای نمی‌دهند', 'فرزندان خودشان در اروپا هستند'],
    ['هزینه را جوانان ما می‌دهند', 'جوانان را قربانی نکنید', 'به فکر جان جوان‌ها باشید'],
  ],
  [
    [
      'اقتصاد کشور با اعتصاب آسیب می‌بیند',
      'بستن مغازه‌ها به ضرر کاسب‌هاست',
      'اعتصاب سفره کارگر را کوچک‌تر می‌کند',
    ],
    ['کسانی که به اعتصاب دعوت می‌کنند', 'دعوت‌کنندگان به اعتصاب', 'آن‌ها که از بیرون اعتصاب می‌خواهند'],
    ['نان کسی را نمی‌دهند', 'هیچ ضرری نمی‌کنند', 'زندگی‌شان هیچ تغییری نمی‌کند'],
  ],
  [
    [
      'امروز بیش از همیشه به وحدت نیاز داریم',
      'وحدت ملی مهم‌ترین سرمایه ماست',
      'اتحاد مردم دشمن را ناامید می‌کند',
    ],
    ['دشمن از تفرقه سود می‌برد', 'تفرقه خواسته دشمنان است', 'دشمن منتظر شکاف بین ماست'],
    ['با هم باشیم', 'ایران را با هم می‌سازیم', 'صبور و متحد بمانیم'],
  ],
  [
    [
      'پشت این هشتگ‌ها اتاق فکرهای خارجی هستند',
      'هشتگ‌های داغ را از بیرون مدیریت می‌کنند',
      'ترندهای توییتر ساختگی است',
    ],
    [
      'هزاران حساب جعلی از خارج فعال شده',
      'حساب‌های فیک خارج‌نشین فضا را پر کرده‌اند',
      'ربات‌های آن‌طرف آب فعال شده‌اند',
    ],
    ['فضای مجازی واقعیت جامعه نیست', 'توییتر نماینده مردم ایران نیست', 'واقعیت را در کوچه و خیابان ببینید'],
  ],
];

export const TALKING_OPENERS = [
  '',
  '',
  '',
  'ببینید،',
  'راستش',
  'به نظرم',
  'واقعیت این است که',
  'جالب است:',
  'یک نکته:',
];

/** Hashtags the stealth network adds now and then, one per talking point. */
export const STEALTH_TAGS = [
  'تحریم_جنایت_است',
  'رسانه_دروغ',
  'پزشکی_قانونی',
  'حقوق_بشر_غربی',
  'اغتشاش_نه',
  'امنیت_ملی',
  'سلبریتی',
  'اقتصاد_مقاومتی',
  'وحدت_ملی',
  'جنگ_رسانه‌ای',
];

/** Invented outlets each network links to. */
export const STEALTH_DOMAINS = ['vatan-online.com', 'khabar-e-melli.ir', 'youtube.com'];
export const LINK_DOMAINS = ['nedayevatan.ir', 'haghighat24.net', 'iranfacts.news', 'akhbar-e-rooz.com'];

export const LINK_LINES = [
  'ببینید 👇',
  'حتماً بخوانید',
  'این گزارش را از دست ندهید',
  'واقعیت ماجرا',
  'گزارش کامل:',
  '🔴 فوری',
  'جالبه',
  'بخونید و پخش کنید',
  'مستند و دقیق',
  'انتشار حداکثری',
  'این را کسی به شما نمی‌گوید',
  'خبر مهم',
  '⭕️ ببینید',
  'اینجا بخوانید',
  'منتشر کنید',
  'تحلیل خواندنی',
  'حقیقت را بدانید',
  '👇👇',
  '',
];

export const SLUG_WORDS = [
  'news',
  'report',
  'exclusive',
  'analysis',
  'riots',
  'security',
  'economy',
  'sanctions',
  'foreign',
  'media',
  'truth',
  'video',
  'documents',
  'confession',
  'network',
  'funding',
  'arrested',
  'interview',
];

/** Outlets ordinary users link to; articles are invented per post. */
export const ORGANIC_DOMAINS = [
  'bbc.com',
  'iranintl.com',
  'radiofarda.com',
  'youtube.com',
  'instagram.com',
  'aparat.com',
  'isna.ir',
  'hamshahrionline.ir',
  'en.wikipedia.org',
  'nytimes.com',
  'theguardian.com',
  'reuters.com',
  'iranwire.com',
];

/** A tweetstorm's tag and suggested texts ({tag} and the mentions are part of what people copy). */
export const STORMS = [
  {
    tag: 'StopExecutionsInIran',
    texts: [
      'The Islamic Republic is sentencing protesters to death. The world must act now!',
      'حکم اعدام معترضان را متوقف کنید. جهان باید صدای مردم ایران باشد',
    ],
  },
  {
    tag: 'FreeIranianStudents',
    texts: [
      'Hundreds of Iranian students are in prison for protesting. Free them now!',
      'دانشجویان زندانی را آزاد کنید. دانشگاه سنگر آزادی است',
    ],
  },
] as const;

export const STORM_ADDITIONS = [
  'Please!',
  'Be our voice',
  'صدای ما باشید',
  '✌️',
  '🙏',
  'لطفاً بازنشر کنید',
  '#MahsaAmini',
];

/** Accounts the tweetstorm tags; outside the dataset, ids invented and reserved. */
export const STORM_TARGETS = [
  { handle: 'UN', id: '1004562007' },
  { handle: 'amnesty', id: '1004562031' },
  { handle: 'UNHumanRights', id: '1004562119' },
];
