// Word and phrase pools for the blind benchmark: everyday Persian and English chatter by topic, the texts of
// the organic crowds (slogans, chants, chain message, goal cries, fan replies) and of the planted networks
// (talking points, templates, hostile replies). Written from the scenario descriptions alone.

export type Lang = 'fa' | 'en';

export interface Topic {
  name: string;
  fa: readonly string[];
  en: readonly string[];
  tagsFa: readonly string[];
  tagsEn: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  {
    name: 'daily',
    fa: [
      'صبح بخیر',
      'امروز هوا خیلی سرده',
      'ترافیک تهران دیوونه‌کننده است',
      'دوباره برق رفت',
      'یه چای داغ می‌چسبه',
      'امروز کلی کار دارم',
      'خسته شدم از این همه صف',
      'مترو امروز خیلی شلوغ بود',
      'آلودگی هوا دوباره بالا رفته',
      'شب بخیر دوستان',
      'کسی می‌دونه فردا تعطیله؟',
      'بارون اومد بالاخره',
      'دلم برای سفر تنگ شده',
      'امروز تولد مامانم بود',
      'قیمت نون هم گرون شد',
      'آخر هفته بریم کوه',
      'این روزها خواب ندارم',
      'یه کافه خوب تو مرکز شهر معرفی کنید',
      'گربه‌ام امروز کل خونه رو بهم ریخت',
      'دلم یه مسافرت شمال می‌خواد',
      'امروز اولین روز کار جدیدم بود',
      'کسی تا حالا این غذا رو امتحان کرده؟',
      'امتحانم رو خراب کردم',
      'بچه‌ها یه سریال خوب معرفی کنید',
    ],
    en: [
      'good morning everyone',
      'traffic is insane today',
      'coffee first, then everything else',
      "can't sleep again",
      'weekend plans anyone?',
      'my cat destroyed the couch',
      'finally some rain',
      'long day at work',
      'missing home so much today',
      'first day at the new job',
      'anyone know a good dentist around here',
      'this week has been a lot',
      'cooked ghormeh sabzi for the first time',
      'the bus was late again',
      'hot tea and a good book',
      'trying to learn german, wish me luck',
    ],
    tagsFa: ['تهران', 'هوای_تهران', 'آلودگی_هوا', 'زندگی', 'شب_بخیر'],
    tagsEn: ['MondayMotivation', 'coffee', 'weather', 'life'],
  },
  {
    name: 'football',
    fa: [
      'پرسپولیس امشب باید ببره',
      'داوری بازی افتضاح بود',
      'استقلال بدون مهاجم گل نمی‌زنه',
      'ترکیب امشب رو دیدین؟',
      'این مربی باید بره',
      'بهترین بازیکن زمین بود',
      'لیگ برتر امسال خیلی ضعیفه',
      'نیمه دوم بازی عوض شد',
      'پنالتی قطعی بود',
      'تیم ملی برای جام جهانی آماده نیست',
      'دربی این هفته حساسه',
      'هوادارا سنگ تموم گذاشتن',
      'کی‌روش باید ترکیب رو عوض کنه',
      'این فصل قهرمانی سخته',
    ],
    en: [
      'what a match last night',
      'the referee ruined the game',
      'team melli is not ready for the world cup',
      'that second half was something else',
      'clear penalty, no discussion',
      'transfer window rumours again',
      'best player on the pitch by far',
    ],
    tagsFa: ['پرسپولیس', 'استقلال', 'لیگ_برتر', 'فوتبال', 'تیم_ملی'],
    tagsEn: ['football', 'TeamMelli', 'WorldCup2022'],
  },
  {
    name: 'economy',
    fa: [
      'دلار دوباره رکورد زد',
      'با این حقوق نمیشه زندگی کرد',
      'قیمت اجاره خونه دو برابر شده',
      'تورم داره همه رو له می‌کنه',
      'بورس امروز قرمز بود',
      'قیمت طلا و سکه بالا رفت',
      'بنزین گرون میشه؟',
      'یارانه این ماه کی واریز میشه؟',
      'بازار ماشین قفل شده',
      'مرغ و گوشت شده کالای لوکس',
      'سفره‌ها هر روز کوچیک‌تر میشه',
      'کارگرها سه ماهه حقوق نگرفتن',
    ],
    en: [
      'the rial keeps falling',
      'rent doubled in a year',
      'inflation is eating everything',
      'gold prices up again',
      'salaries are not keeping up with prices',
      'stock market red all day',
    ],
    tagsFa: ['دلار', 'تورم', 'بورس', 'اقتصاد', 'گرانی'],
    tagsEn: ['economy', 'inflation', 'Iran'],
  },
  {
    name: 'tech',
    fa: [
      'اینترنت امروز خیلی کنده',
      'فیلترشکنم دوباره قطع شد',
      'اینستاگرام بدون وی‌پی‌ان باز نمیشه',
      'واتس‌اپ هم فیلتر شد',
      'گوشی جدید ارزش خرید داره؟',
      'کسی سرور خوب سراغ داره؟',
      'اپ بانک دوباره از کار افتاد',
      'سرعت اینترنت موبایل افتضاحه',
      'کار آنلاین با این اینترنت غیرممکنه',
    ],
    en: [
      'the internet is crawling today',
      'vpn keeps disconnecting',
      'whatsapp blocked now too',
      'any recommendations for a cheap laptop',
      'mobile data is unusable this week',
      'new phone, who dis',
    ],
    tagsFa: ['فیلترینگ', 'اینترنت', 'قطعی_اینترنت', 'فیلترشکن'],
    tagsEn: ['InternetShutdown', 'tech', 'VPN'],
  },
  {
    name: 'culture',
    fa: [
      'این فیلم رو حتما ببینید',
      'سریال جدید عالیه',
      'یه آهنگ قدیمی گوش میدم',
      'این کتاب رو تموم کردم، پیشنهاد می‌کنم',
      'فال حافظ امروز',
      'کنسرت دوباره لغو شد',
      'فصل جدید سریال کی میاد؟',
      'موسیقی سنتی آرومم می‌کنه',
      'شعر امروز از مولانا',
      'بهترین فیلم سال بدون شک',
    ],
    en: [
      'this film is a must watch',
      'reading Forough Farrokhzad tonight',
      'new album on repeat',
      'finished this book in one sitting',
      'the concert got cancelled again',
      'rewatching old Kiarostami films',
    ],
    tagsFa: ['سینما', 'سریال', 'موسیقی', 'کتاب', 'حافظ'],
    tagsEn: ['movies', 'music', 'books', 'cinema'],
  },
  {
    name: 'politics',
    fa: [
      'خبرهای امروز رو دیدین؟',
      'این همه بازداشت برای چی؟',
      'صدای مردم رو بشنوید',
      'معلم‌ها هنوز حقوق نگرفتن',
      'دانشجوها امروز تجمع کردن',
      'اخبار رسمی رو دیگه کسی باور نمی‌کنه',
      'برای زندانی‌ها دعا کنید',
      'بازنشسته‌ها دوباره جلوی مجلس جمع شدن',
      'چرا کسی جواب نمیده؟',
      'دلم برای ایران می‌سوزه',
      'خیابون‌ها امشب خیلی شلوغ بود',
    ],
    en: [
      'did you see the news today',
      'so many arrests, for what',
      'the world should listen to iranian women',
      'students protesting again at the universities',
      'nobody believes state tv anymore',
      'thinking about the families of prisoners',
    ],
    tagsFa: ['مهسا_امینی', 'ایران', 'زن_زندگی_آزادی', 'اعتراضات'],
    tagsEn: ['Iran', 'MahsaAmini', 'IranProtests', 'WomanLifeFreedom'],
  },
];

export const FA_FILLERS = [
  'واقعا',
  'خیلی',
  'اصلا',
  'دیگه',
  'هنوز',
  'امروز',
  'الان',
  'همه',
  'چرا',
  'بازم',
  'یعنی',
  'راستش',
  'خدایا',
  'جدی',
  'باورم نمیشه',
  'عجب',
  'ببینید',
  'حیف',
  'چقدر',
  'آخه',
  'فقط',
  'ولی',
  'هیچکس',
  'انگار',
];
export const EN_FILLERS = [
  'honestly',
  'really',
  'literally',
  'again',
  'still',
  'today',
  'just',
  'so',
  'lol',
  'ngl',
  'tbh',
  'wow',
  'anyway',
  'seriously',
  'ugh',
];
export const EMOJI = ['😂', '❤️', '🙏', '😔', '👌', '🔥', '💔', '😡', '👏', '🤔', '✌️', '😍', '🥲', '😐', '💚'];

/** Everyday link targets: host and a path maker (the number keeps articles apart). */
export const EVERYDAY_SITES: readonly [string, (n: number) => string][] = [
  ['https://www.bbc.com/persian/articles/', (n) => `c${(n % 900000) + 100000}xz${n % 97}o`],
  ['https://www.iranintl.com/', (n) => `20221${n % 9}${(n % 28) + 10}${n % 9000}`],
  ['https://www.radiofarda.com/a/', (n) => `${32000000 + (n % 1000000)}.html`],
  ['https://www.youtube.com/watch?v=', (n) => `Yt${n.toString(36)}Q`],
  ['https://www.instagram.com/p/', (n) => `Cj${n.toString(36)}X`],
  ['https://www.aparat.com/v/', (n) => `a${n.toString(36)}`],
  ['https://t.me/', (n) => `channel_${n % 400}/${n % 9000}`],
  ['https://www.varzesh3.com/news/', (n) => `${1800000 + (n % 90000)}`],
  ['https://www.khabaronline.ir/news/', (n) => `${1680000 + (n % 90000)}`],
  ['https://www.isna.ir/news/', (n) => `14010${(n % 8) + 1}${n % 9000}`],
  ['https://www.reuters.com/world/middle-east/', (n) => `iran-story-${n % 100000}-2022-10-${(n % 28) + 1}/`],
  ['https://www.theguardian.com/world/2022/oct/', (n) => `${(n % 28) + 1}/iran-${n % 100000}`],
  ['https://www.digikala.com/product/dkp-', (n) => `${8000000 + (n % 900000)}/`],
  ['https://open.spotify.com/track/', (n) => `4${n.toString(36)}Zq`],
];

export const STATE_MEDIA: readonly { handle: string; name: string; site: string; lang: Lang }[] = [
  { handle: 'PressTV', name: 'Press TV', site: 'https://www.presstv.ir/Detail/2022/10/', lang: 'en' },
  {
    handle: 'Tasnimnews_Fa',
    name: 'خبرگزاری تسنیم',
    site: 'https://www.tasnimnews.com/fa/news/1401/07/',
    lang: 'fa',
  },
  {
    handle: 'FarsNews_Agency',
    name: 'خبرگزاری فارس',
    site: 'https://www.farsnews.ir/news/14010',
    lang: 'fa',
  },
  { handle: 'IRNA_fa', name: 'ایرنا', site: 'https://www.irna.ir/news/', lang: 'fa' },
  { handle: 'MehrnewsCom', name: 'خبرگزاری مهر', site: 'https://www.mehrnews.com/news/', lang: 'fa' },
  { handle: 'IRIB_News', name: 'خبرگزاری صداوسیما', site: 'https://www.iribnews.ir/fa/news/', lang: 'fa' },
];

export const STATE_HEADLINES_FA = [
  'رهبر انقلاب: دشمن در ایجاد آشوب شکست خورد',
  'بازداشت عوامل اصلی اغتشاشات در تهران',
  'اعتراف اغتشاشگران به ارتباط با سرویس‌های بیگانه',
  'رشد صادرات غیرنفتی در نیمه نخست سال',
  'شهادت مدافع امنیت در درگیری با اغتشاشگران',
  'افشای نقش رسانه‌های سعودی در آشوب‌های اخیر',
  'تجمع گسترده مردم در حمایت از امنیت کشور',
  'کاهش نرخ دلار در بازار آزاد',
  'وزیر کشور: آرامش به شهرها بازگشته است',
  'کشف سلاح از تیم‌های تروریستی در غرب کشور',
  'تحریم‌ها عامل اصلی گرانی دارو است',
  'راهپیمایی باشکوه مردم پس از نماز جمعه',
];
export const STATE_HEADLINES_EN = [
  'Foreign-backed rioters confess to links with Western intelligence',
  'Calm returns to Iranian cities, interior minister says',
  'Saudi-funded TV channels fuel unrest in Iran',
  'Iran non-oil exports up in first half of the year',
  'Security forces martyred by armed rioters',
  'US sanctions block medicine imports to Iran',
  'Massive rallies across Iran condemn foreign meddling',
];
export const SLEEPER_COMMENTS_FA = [
  'بخوانید',
  'حتما ببینید',
  'این هم حقیقت ماجرا',
  'رسانه‌های معاند این را نمی‌گویند',
  'جالب است',
  'خبر مهم',
  'دقت کنید',
  '',
  '',
];
export const SLEEPER_COMMENTS_EN = [
  'Worth reading',
  'The other side of the story',
  'Read this',
  'Important',
  '',
];

// ---------------------------------------------------------------------------------------------------------
// Organic crowds

export const PROTEST_WAVES = [
  { tag: 'اعتصاب_سراسری', tagEn: 'IranStrikes', city: 'تهران' },
  { tag: 'بازار_تعطیل_است', tagEn: 'GeneralStrikeIran', city: 'تبریز' },
  { tag: 'زاهدان_تنها_نیست', tagEn: 'Zahedan', city: 'زاهدان' },
  { tag: 'دانشگاه_شریف', tagEn: 'SharifUniversity', city: 'تهران' },
];
export const PROTEST_PHRASES_FA = [
  'امروز همه مغازه‌ها بسته بود',
  'بازار تهران امروز کامل تعطیل بود',
  'کامیون‌دارها هم به اعتصاب پیوستند',
  'صدای مردم از همه شهرها میاد',
  'جلوی دانشگاه نیروی ضد شورش ایستاده',
  'گاز اشک‌آور زدن ولی مردم موندن',
  'اینترنت رو قطع کردن که صدامون نرسه',
  'امشب شعارها از پشت‌بام‌ها شنیده میشه',
  'مادرم هم امروز اومد خیابون',
  'هیچ‌وقت این همه آدم رو با هم ندیده بودم',
  'کسبه با مردم همراه شدن',
  'پیرمردها هم امروز شعار می‌دادن',
  'ما نمی‌ترسیم',
  'این ویدیو رو ببینید',
  'همه جا پر از ماموره ولی مردم عقب نمیشینن',
  'از شهرهای دیگه هم خبر برسونید',
];
export const PROTEST_PHRASES_EN = [
  'shops closed all over the city today',
  'the bazaar joined the strike',
  'truckers are on strike too',
  'tear gas everywhere but people stayed',
  'they cut the internet again so the world cannot see',
  'never seen so many people in the streets',
  'my mother joined the protest today',
  'watch this video from tonight',
];
export const SLOGANS = [
  'زن زندگی آزادی',
  'نان کار آزادی',
  'کارگر معلم دانشجو، اتحاد اتحاد',
  'مرگ بر ستمگر، چه شاه باشه چه رهبر',
  'این آخرین پیامه، هدف کل نظامه',
  'Woman Life Freedom',
  'بازاری غیرتت کو؟',
  'توپ تانک فشفشه، آخوند باید گم بشه',
];

export const CHANTS = [
  'ساعت نه شب، صدای شعار از پشت‌بام‌ها',
  'مرگ بر دیکتاتور',
  'زن زندگی آزادی',
  'امشب هم از پشت‌بام صدامون رو می‌شنوید',
  'ساعت ۹ شد، همه روی پشت‌بام',
  'مرگ بر دیکتاتور ✊',
  'زن زندگی آزادی ✌️',
];
export const CHANT_TAGS = ['ساعت_۹', 'شعار_شبانه', 'پشت_بام'];

export const CLUBS = [
  { name: 'پرسپولیس', tag: 'پرسپولیس', en: 'Persepolis', handle: 'persepolisfc', share: 0.05 },
  { name: 'استقلال', tag: 'استقلال', en: 'Esteghlal', handle: 'EsteghlalFC', share: 0.04 },
  { name: 'سپاهان', tag: 'سپاهان', en: 'Sepahan', handle: 'SepahanSC', share: 0.012 },
  { name: 'تراکتور', tag: 'تراکتور', en: 'Tractor', handle: 'TractorSC', share: 0.015 },
];
export const PLAYERS = ['ترابی', 'عالیشاه', 'محمدی', 'قلی‌زاده', 'انصاری', 'کنعانی', 'امیری', 'رضاییان'];

export const BREAKING = [
  {
    outlet: 'BBCPersian',
    outletName: 'BBC News فارسی',
    url: 'https://www.bbc.com/persian/articles/c4nzlk2x7p9o',
    fa: 'فوری: آتش‌سوزی گسترده در زندان اوین؛ صدای تیراندازی شنیده می‌شود',
    en: 'Breaking: large fire at Evin prison, gunshots heard',
  },
  {
    outlet: 'IranIntl',
    outletName: 'ایران اینترنشنال',
    url: 'https://www.iranintl.com/202210271234',
    fa: 'فوری: قطع کامل اینترنت موبایل در چند استان',
    en: 'Breaking: mobile internet fully cut in several provinces',
  },
  {
    outlet: 'Reuters',
    outletName: 'Reuters',
    url: 'https://www.reuters.com/world/middle-east/iran-currency-record-low-2022-10-30/',
    fa: 'ریال به پایین‌ترین رکورد تاریخ خود در برابر دلار رسید',
    en: 'Iran rial hits record low against the dollar',
  },
  {
    outlet: 'RadioFarda',
    outletName: 'رادیو فردا',
    url: 'https://www.radiofarda.com/a/32101955.html',
    fa: 'فوری: زلزله ۵.۶ ریشتری در خوی',
    en: 'Breaking: magnitude 5.6 earthquake near Khoy',
  },
];
export const NEWS_COMMENTS_FA = [
  'وای',
  'خدا رحم کنه',
  'فوری',
  'ببینید',
  'خبر تایید شده؟',
  'نگرانم',
  '😔',
  'باورم نمیشه',
];
export const NEWS_COMMENTS_EN = [
  'oh no',
  'breaking',
  'this is terrible',
  'stay safe everyone',
  'is this confirmed?',
];

export const CHAIN_FA = [
  'هموطنان عزیز توجه کنید:',
  'از فردا ساعت ۱۲ ظهر اینترنت کامل قطع می‌شود.',
  'شماره‌های ضروری و آدرس‌ها را روی کاغذ یادداشت کنید.',
  'پیام‌رسان‌های داخلی را نصب نکنید، همه چیز شنود می‌شود.',
  'این پیام را برای همه مخاطبین خود بفرستید.',
];
export const CHAIN_EN = [
  'PLEASE READ AND SHARE:',
  'From tomorrow noon the internet in Iran will be fully cut.',
  'Write down emergency numbers and addresses on paper.',
  'Do not install domestic messengers, everything is monitored.',
  'Copy and send this to everyone you know.',
];
export const CHAIN_EXTRA = [
  'لطفا منتشر کنید 🙏',
  'از منبع موثق',
  'فوری فوری',
  'Please share 🙏',
  'from a reliable source',
];

export const STORMS = [
  {
    tag: 'اعدام_نکنید',
    tagEn: 'StopExecutionsInIran',
    phrasesFa: [
      'جان این جوان‌ها را نگیرید',
      'اعدام راه حل نیست',
      'صدای خانواده‌های زندانیان باشید',
      'دنیا باید بشنود که در ایران چه می‌گذرد',
      'هیچ انسانی را نباید به خاطر اعتراض کشت',
      'من هم امشب صدای زندانیان هستم',
      'دادگاه‌های چند دقیقه‌ای، حکم اعدام؛ این عدالت نیست',
      'به حکم‌های ناعادلانه اعتراض کنیم',
    ],
    phrasesEn: [
      'stop the executions of protesters in Iran',
      'these young people need fair trials, not the noose',
      'be the voice of the prisoners tonight',
      'the world must not stay silent about executions in Iran',
      'no one should die for protesting',
    ],
    sample: 'ما اجازه نمی‌دهیم جان معترضان را بگیرید. به حکم‌های اعدام اعتراض می‌کنیم',
    announce:
      'توییت‌استورم: جمعه ساعت ۲۰:۳۰ به وقت تهران، با هشتگ زیر صدای زندانیان باشیم. با کلمات خودتان بنویسید',
  },
  {
    tag: 'معلمان_زندانی',
    tagEn: 'FreeIranianTeachers',
    phrasesFa: [
      'معلم زندانی آزاد باید گردد',
      'جای معلم سر کلاس است نه زندان',
      'معلم‌های ما را آزاد کنید',
      'به یاد همه معلم‌های بازداشتی',
      'آموزش با زندان کردن معلم پیش نمی‌رود',
    ],
    phrasesEn: [
      'free the jailed teachers of Iran',
      'teachers belong in classrooms, not prisons',
      'standing with Iranian teachers tonight',
    ],
    sample: 'معلم زندانی آزاد باید گردد. جای معلم در کلاس است',
    announce: 'کارزار توییتری: دوشنبه ساعت ۲۱ تا ۲۲ با هشتگ زیر برای معلمان زندانی بنویسیم',
  },
];

export const FAN_REPLIES = [
  '❤️❤️❤️',
  '❤️',
  'عاشقتم',
  'بهترینی 😍',
  'قربونت برم',
  'خیلی قشنگه',
  'کی کنسرت میدی؟',
  'ملکه 👑',
  'love you',
  'Queen 👑',
  '😍😍',
  'مثل همیشه عالی',
  'دلمون برات تنگ شده',
  'ایول',
  '🔥🔥',
  'we love you from Toronto',
];
export const CELEB_TEXTS_FA = [
  'ممنونم از همه شما عزیزان',
  'امشب با شما هستم',
  'آهنگ جدید به زودی',
  'دلم برای صحنه تنگ شده',
  'با مردمم هستم',
  'این روزها سخت است، مراقب هم باشید',
  'تولدتون مبارک به همه متولدین مهر',
  'پشت صحنه فیلم جدید',
  'عکس قدیمی از اولین کنسرت',
  'من هم صدای مردمم',
];
export const CELEB_TEXTS_EN = [
  'thank you all for the love',
  'new song coming soon',
  'behind the scenes today',
  'stay safe, look after each other',
  'throwback to my first concert',
];
export const CELEBS = [
  { handle: 'shadmehr_aghili', name: 'شادمهر عقیلی' },
  { handle: 'golshifteh', name: 'Golshifteh F.' },
  { handle: 'alidaei_10', name: 'علی دایی' },
  { handle: 'hamed_behdad', name: 'حامد بهداد' },
  { handle: 'taraneh_a', name: 'ترانه علیدوستی' },
  { handle: 'homayoun_sh', name: 'همایون شجریان' },
  { handle: 'mehran_modiri', name: 'مهران مدیری' },
  { handle: 'sarvenaz_music', name: 'Sarvenaz' },
];

export const JOURNALISTS = [
  { handle: 'farnaz_reports', name: 'فرناز | خبرنگار', lang: 'fa' as Lang },
  { handle: 'k_mirzaei_news', name: 'کاوه میرزایی', lang: 'fa' as Lang },
  { handle: 'n_amiri_bbc', name: 'Nasrin Amiri', lang: 'en' as Lang },
  { handle: 'reza_t_journo', name: 'رضا طاهری', lang: 'fa' as Lang },
];
export const JOURNALIST_TEXTS_FA = [
  'گزارش تازه از وضعیت بازداشت‌شدگان',
  'خانواده‌ها هنوز از محل نگهداری فرزندانشان خبر ندارند',
  'روایت یک مادر از شب بازداشت',
  'اسناد جدید درباره دادگاه‌های انقلاب',
  'آمار تازه کشته‌شدگان را منتشر کردیم',
  'گفت‌وگو با یک پزشک بیمارستان در زاهدان',
  'ادامه رشته توییت درباره اعتصاب کارگران نفت',
  'چرا رسانه‌های رسمی این خبر را سانسور کردند؟',
  'ویدیوی تاییدشده از تجمع امروز',
  'پاسخ به ادعاهای دروغ امروز صداوسیما',
];
export const JOURNALIST_TEXTS_EN = [
  'New report on detained protesters, thread',
  'Families still have no news of their children',
  'Verified footage from today in Tehran',
  'What state media did not tell you today',
];
export const AUDIENCE_SUPPORT = [
  'ممنون از گزارشتون',
  'دمت گرم، ادامه بده',
  'صدای ما باشید',
  'دقیقا همینطوره',
  'خسته نباشید',
  'thank you for reporting this',
  'مرسی که می‌نویسید',
  'این گزارش رو همه باید ببینن',
];
export const AUDIENCE_QUESTIONS = [
  'منبع این خبر چیه؟',
  'این تایید شده؟',
  'از شهر ما هم خبری دارید؟',
  'is this verified?',
  'ویدیو کامل کجاست؟',
  'شماره تماس برای کمک هست؟',
];
export const AUDIENCE_CRITICAL = [
  'یک طرفه نوشتید',
  'این گزارش دقیق نیست',
  'چرا از طرف دیگه نمی‌نویسید؟',
  'you are exaggerating',
  'بدون سند نمیشه قضاوت کرد',
  'رسانه شما هم بی‌طرف نیست',
];
export const AUDIENCE_HOSTILE = ['دروغ میگی', 'مزدور', 'خجالت بکش', 'liar', 'جیره‌خوار بی‌بی‌سی'];

// ---------------------------------------------------------------------------------------------------------
// Planted networks

/** A talking point: clause slots with interchangeable wordings, so members paraphrase rather than copy. */
export interface TalkingPoint {
  slug: string;
  tags: readonly string[];
  en: readonly (readonly string[])[];
  fa: readonly (readonly string[])[];
}

export const TALKING_POINTS: readonly TalkingPoint[] = [
  {
    slug: 'who-funds-the-unrest',
    tags: ['Iran', 'IranProtests', 'مهسا_امینی'],
    en: [
      [
        'The so-called protests are being steered from London studios',
        'Much of what you see about the unrest is produced by Saudi-funded channels abroad',
        'Foreign-funded TV stations are scripting the street unrest',
        'Satellite channels paid from Riyadh are doing the organising, not Iranians',
      ],
      [
        'ordinary Iranians just want stability and jobs',
        'most people here want calm, not chaos',
        'families are tired of the violence these channels cheer on',
        'the silent majority wants order and work',
      ],
      [
        'follow the money behind these outlets',
        'ask who pays for these broadcasts',
        'nobody asks who funds this coverage',
        'the funding trail is not hard to find',
      ],
    ],
    fa: [
      [
        'این به اصطلاح اعتراضات از استودیوهای لندن هدایت می‌شود',
        'بخش بزرگی از تصاویر ناآرامی‌ها را شبکه‌های سعودی می‌سازند',
        'تلویزیون‌های ماهواره‌ای با پول خارجی خیابان را مدیریت می‌کنند',
      ],
      [
        'مردم عادی فقط آرامش و کار می‌خواهند',
        'اکثریت خاموش از هرج و مرج خسته است',
        'خانواده‌ها از خشونتی که این شبکه‌ها تشویق می‌کنند خسته‌اند',
      ],
      ['ببینید پول این رسانه‌ها از کجا می‌آید', 'کسی نمی‌پرسد هزینه این پخش‌ها را چه کسی می‌دهد'],
    ],
  },
  {
    slug: 'sanctions-not-mismanagement',
    tags: ['Iran', 'اقتصاد', 'تورم', 'sanctions'],
    en: [
      [
        'Prices are up because of US sanctions, full stop',
        'Inflation in Iran is a direct result of Washington’s sanctions',
        'The real cause of the price rises is the sanctions regime',
        'Sanctions, not Tehran, are emptying people’s tables',
      ],
      [
        'medicine imports are blocked by the banks',
        'even insulin is hard to import now',
        'hospitals cannot pay for basic drugs',
      ],
      [
        'the people shouting in the streets are aiming at the wrong target',
        'blaming the government is exactly what Washington wants',
        'protesters are doing the sanctioners’ work for them',
      ],
    ],
    fa: [
      [
        'گرانی نتیجه مستقیم تحریم‌های آمریکاست',
        'علت اصلی تورم تحریم است نه دولت',
        'تحریم‌ها سفره مردم را خالی کرده‌اند',
      ],
      [
        'حتی واردات دارو هم با مشکل روبروست',
        'بانک‌ها اجازه خرید دارو نمی‌دهند',
        'بیمارستان‌ها داروی ساده هم ندارند',
      ],
      [
        'کسانی که در خیابان شعار می‌دهند هدف را اشتباه گرفته‌اند',
        'مقصر دانستن دولت همان چیزی است که آمریکا می‌خواهد',
      ],
    ],
  },
  {
    slug: 'police-casualties-ignored',
    tags: ['Iran', 'IranProtests', 'ایران'],
    en: [
      [
        'Western media never mention the police officers killed by rioters',
        'Not one word in the BBC about the security forces who lost their lives',
        'Dozens of police have been killed and the foreign press stays silent',
      ],
      [
        'these were fathers with families',
        'they were young conscripts doing their duty',
        'their families deserve to be heard too',
      ],
      ['this is not peaceful protest', 'call it what it is: armed riots', 'where is the outrage now?'],
    ],
    fa: [
      [
        'رسانه‌های غربی هیچ‌وقت از ماموران کشته شده حرف نمی‌زنند',
        'بی‌بی‌سی یک کلمه درباره شهدای امنیت نگفت',
        'ده‌ها مامور کشته شده‌اند و رسانه‌های خارجی سکوت کرده‌اند',
      ],
      ['آنها هم پدر و خانواده داشتند', 'سربازان جوانی بودند که وظیفه‌شان را انجام می‌دادند'],
      ['این اعتراض مسالمت‌آمیز نیست', 'اسمش آشوب مسلحانه است'],
    ],
  },
  {
    slug: 'economy-turning-corner',
    tags: ['اقتصاد', 'دلار', 'Iran', 'بورس'],
    en: [
      [
        'The rial has quietly recovered this week',
        'Non-oil exports are at a record high',
        'Iran’s economy is showing real signs of recovery',
      ],
      [
        'you will not read that on foreign-funded channels',
        'the doom stories abroad never report this',
        'the numbers tell a different story than the headlines',
      ],
      ['patience is paying off', 'the worst is behind us', 'give it a few months'],
    ],
    fa: [
      ['ریال این هفته بی سر و صدا تقویت شد', 'صادرات غیرنفتی رکورد زد', 'اقتصاد کشور نشانه‌های بهبود دارد'],
      ['این را در شبکه‌های معاند نمی‌بینید', 'آمارها چیز دیگری می‌گویند'],
      ['صبر نتیجه می‌دهد', 'بدترین روزها را پشت سر گذاشتیم'],
    ],
  },
  {
    slug: 'diaspora-hypocrites',
    tags: ['IranProtests', 'Iran', 'ایران'],
    en: [
      [
        'Diaspora “activists” cheer for chaos from their villas in LA',
        'Opposition celebrities abroad risk nothing while urging kids into the streets',
        'The loudest voices for unrest live comfortably in Europe',
      ],
      [
        'they will not pay the price, young Iranians will',
        'it is easy to be brave from a studio in London',
        'none of them has set foot in Iran in decades',
      ],
      ['ask them what their plan is', 'they want clicks, not change', 'do not let them use you'],
    ],
    fa: [
      [
        'فعالان خارج‌نشین از ویلاهایشان در لس‌آنجلس برای آشوب هورا می‌کشند',
        'سلبریتی‌های خارج از کشور هیچ هزینه‌ای نمی‌دهند',
      ],
      ['هزینه‌اش را جوانان داخل می‌دهند', 'شجاع بودن از استودیوی لندن آسان است'],
      ['از آنها بپرسید برنامه‌شان چیست', 'فقط دنبال لایک هستند'],
    ],
  },
  {
    slug: 'old-videos-fake-numbers',
    tags: ['IranProtests', 'مهسا_امینی', 'Iran'],
    en: [
      [
        'Half the protest videos going viral are from 2019',
        'Many of the clips being shared are old footage from other countries',
        'Protest numbers are wildly inflated by opposition accounts',
      ],
      [
        'check the metadata before you share',
        'reverse image search takes ten seconds',
        'fact-checkers stay quiet about it',
      ],
      ['misinformation helps no one', 'do not be a tool of propaganda', 'verify first'],
    ],
    fa: [
      ['نیمی از ویدیوهای اعتراضات مربوط به سال ۹۸ است', 'بسیاری از کلیپ‌ها قدیمی یا از کشورهای دیگرند'],
      ['قبل از بازنشر جستجو کنید', 'راستی‌آزمایی ده ثانیه وقت می‌برد'],
      ['ابزار دست تبلیغات نشوید', 'اول تحقیق کنید'],
    ],
  },
];
export const STEALTH_OPENERS_EN = [
  'Honestly,',
  'Let’s be real:',
  'Worth reading.',
  'People need to hear this.',
  'Thread:',
  '',
];
export const STEALTH_CLOSERS_EN = [
  'Think about it.',
  'Read more:',
  'Just saying.',
  'Share if you agree.',
  '',
];
export const STEALTH_OPENERS_FA = ['راستش', 'بخوانید', 'یک نکته:', 'حقیقت این است که', ''];
export const STEALTH_SITES = [
  'https://www.iran-insight-review.com/',
  'https://tehrantruthdaily.net/',
  'https://www.persianaffairsmonitor.org/',
];

export const COPY_SUBJECTS = [
  'ملت بصیر ایران',
  'جوانان غیور این سرزمین',
  'مردم شریف بازار',
  'خانواده‌های شهدا',
  'دانشجویان انقلابی',
  'کارگران زحمتکش',
  'مادران ایرانی',
];
export const COPY_CLAIMS = [
  'فریب رسانه‌های بیگانه را نخواهند خورد',
  'پشت نظام ایستاده‌اند و خواهند ایستاد',
  'امنیت کشور را با هیچ چیز معامله نمی‌کنند',
  'دست دشمن را در آشوب‌های اخیر به خوبی دیدند',
  'از اغتشاشگران اجاره‌ای برائت می‌جویند',
  'پاسخ دشمن را در راهپیمایی‌ها دادند',
];
export const COPY_REASONS = [
  'چرا که سناریوی آمریکا و اسرائیل برای همه روشن شده است',
  'زیرا تجربه سوریه و لیبی را فراموش نکرده‌اند',
  'چون می‌دانند هزینه ناامنی را مردم می‌پردازند',
  'زیرا رسانه‌های سعودی جز ویرانی برای ایران نمی‌خواهند',
  'چرا که این آشوب‌ها از بیرون طراحی شده است',
];
export const COPY_CALLS = [
  'این پیام را به اشتراک بگذارید.',
  'سکوت جایز نیست.',
  'همه با هم برای ایران.',
  'ایران سربلند خواهد ماند.',
  'هوشیار باشید.',
  'به شایعات توجه نکنید.',
];

export const FLEET_PUSH_LINKS = [
  'https://t.me/crypto_signals_vip',
  'https://t.me/arz_digital_free',
  'https://www.instagram.com/shop.lebas.zanane/',
  'https://bit.ly/3Ffollowers',
  'https://t.me/forex_amoozesh',
  'https://www.aparat.com/v/tabligh_takhfif',
];
export const FLEET_PUSH_TAGS = [
  'خرید_فالوور',
  'ارز_دیجیتال',
  'تخفیف',
  'فروش_ویژه',
  'bitcoin',
  'crypto',
  'giveaway',
];
export const FLEET_PUSH_TEXTS = [
  'عالیه 👌',
  'پیشنهاد می‌کنم',
  'حتما عضو شید',
  'بهترین کانال',
  'واقعا کاربردیه',
  'don’t miss this',
  'check this out 🔥',
  'قیمت‌ها عالیه',
  '💯💯',
  '',
];
export const FLEET_CUSTOMER_TEXTS = [
  'کلیپ جدید منتشر شد',
  'حراج بزرگ پاییزه شروع شد',
  'آموزش رایگان ترید در کانال',
  'نظر شما درباره این طرح چیه؟',
  'پست جدید رو از دست ندید',
  'قرعه‌کشی بزرگ به مناسبت یک میلیون فالوور',
  'new drop is live',
  'our biggest sale of the year',
  'موضع ما درباره انتخابات شورا',
];

export const BRIGADE_FA = [
  'مزدور',
  'دروغگو',
  'جیره‌خوار سعودی',
  'خجالت بکش',
  'چقدر گرفتی این رو بنویسی؟',
  'برو حقوقتو از لندن بگیر',
  'خائن به وطن',
  'رسانه معاند',
  'همه می‌دونن از کجا پول می‌گیری',
  'دروغ پشت دروغ',
  'تو نماینده مردم ایران نیستی',
  'به زودی حسابت رسیده میشه',
  'آشوبگر پشت میز',
  'بازم فیک نیوز',
];
export const BRIGADE_EN = [
  'paid liar',
  'Saudi-funded propaganda',
  'shame on you',
  'you do not represent Iranians',
  'fake news again',
  'how much did they pay you',
  'traitor',
  'nobody believes your lies',
];
export const BRIGADE_TAILS = ['', '', '!', '!!', ' 🤮', ' 😂', ' 👎', ' 🤡', '...', ' 😡'];

export const HIJACK_TEMPLATES = [
  'بازار باز است و مردم مشغول کسب و کار خود هستند، دروغ رسانه‌های معاند را باور نکنید',
  'اعتصاب فقط در رسانه‌های بیگانه اتفاق افتاده، خیابان‌ها آرام است',
  'کسبه شریف فریب رسانه‌های خارجی را نمی‌خورند',
  'امروز در بازار بودم، همه مغازه‌ها باز بود',
  'Shops are open as usual, this strike exists only on foreign TV',
  'مردم آرامش می‌خواهند نه آشوب',
  'این هشتگ را رسانه‌های سعودی ساخته‌اند',
  'Life goes on normally in Tehran, do not believe the hype',
  'کسبه با اغتشاشگران همراه نیستند',
];
export const HIJACK_COUNTER_TAGS = ['بازار_باز_است', 'آرامش_ایران', 'IranIsCalm', 'نه_به_آشوب'];

export const FLOOD_CAMPAIGNS = [
  {
    tags: ['ایران_قوی', 'وحدت_ملی', 'IranStrong', 'نه_به_اغتشاش', 'امنیت_پایدار'],
    subjects: ['ملت ایران', 'مردم ما', 'ایرانیان', 'جوانان ایران', 'ما'],
    claims: [
      'پشت امنیت کشور ایستاده‌اند',
      'اجازه نمی‌دهند دشمن آشوب بسازد',
      'با وحدت خود توطئه‌ها را خنثی می‌کنند',
      'فریب رسانه‌های بیگانه را نمی‌خورند',
      'امنیت را فدای هیچ چیز نمی‌کنند',
      'از نیروهای امنیتی حمایت می‌کنند',
    ],
    en: [
      'Iranians stand united behind their country',
      'No to foreign-made riots',
      'Security first, Iran strong',
      'The people of Iran reject chaos',
      'Unity defeats the enemy’s plots',
    ],
  },
  {
    tags: ['مرگ_بر_منافقین', 'NoToMEK', 'فرقه_رجوی', 'MEKterrorists', 'منافقین_تروریست'],
    subjects: ['منافقین', 'فرقه رجوی', 'گروهک تروریستی', 'خائنین'],
    claims: [
      'دستشان به خون هزاران ایرانی آلوده است',
      'پشت آشوب‌های اخیرند',
      'جایی در آینده ایران ندارند',
      'مزدور صدام بودند و هستند',
      'با پول سعودی زنده‌اند',
    ],
    en: [
      'The MEK is a terrorist cult',
      'MEK has the blood of 17,000 Iranians on its hands',
      'No place for MEK terrorists in Iran’s future',
      'MEK: Saddam’s mercenaries then, Riyadh’s now',
    ],
  },
];

export const REACTOR_FA = [
  'این هشتگ کار ربات‌هاست، ببینید اکانت‌ها همه دیروز ساخته شدن',
  'هشتگ خریدن هم بلد شدن',
  'چند هزار توییت یکسان در یک ساعت؟ جدی؟',
  'این ترند واقعی نیست',
  'ربات‌ها دارن این هشتگ رو ترند می‌کنن ولی همه دیدیم چی شد',
  'کسی که این هشتگ رو زده خودش هم باور نداره',
  'مردم رو مسخره کردید؟',
  'این همه حساب فیک برای چی؟',
];
export const REACTOR_EN = [
  'this hashtag is pure bots, look at the accounts',
  'thousands of identical tweets in an hour, sure, totally organic',
  'reported a bunch of these accounts',
  'nobody real is tweeting this',
];

export const PERSIAN_FIRST = [
  'علی',
  'رضا',
  'سارا',
  'مریم',
  'حسین',
  'زهرا',
  'محمد',
  'فاطمه',
  'امیر',
  'ندا',
  'مهدی',
  'لیلا',
  'حمید',
  'شیرین',
  'جواد',
  'پریسا',
  'سعید',
  'نازنین',
  'کاوه',
  'نگار',
  'بهروز',
  'آرش',
  'مینا',
  'یاسمن',
];
export const PERSIAN_LAST = [
  'رضایی',
  'محمدی',
  'حسینی',
  'احمدی',
  'کریمی',
  'موسوی',
  'جعفری',
  'صادقی',
  'رحیمی',
  'نوری',
];
export const LATIN_FIRST = [
  'ali',
  'reza',
  'sara',
  'maryam',
  'hossein',
  'zahra',
  'mohammad',
  'fatemeh',
  'amir',
  'neda',
  'mehdi',
  'leila',
  'hamid',
  'shirin',
  'javad',
  'parisa',
  'saeed',
  'nazanin',
  'kaveh',
  'negar',
  'behrouz',
  'arash',
  'mina',
  'yasaman',
  'sam',
  'nina',
  'dariush',
  'roya',
];
export const LATIN_LAST = [
  'rezaei',
  'mohammadi',
  'hosseini',
  'ahmadi',
  'karimi',
  'mousavi',
  'jafari',
  'sadeghi',
  'rahimi',
  'nouri',
];
export const WESTERN_NAMES = [
  'John Miller',
  'Sarah Collins',
  'Mark Evans',
  'Emily Hart',
  'David Brooks',
  'Laura Bennett',
  'Chris Walker',
  'Anna Fischer',
  'Tom Reid',
  'Julia Novak',
  'Paul Simmons',
  'Kate Morgan',
];
export const LOCATIONS_FA = [
  '',
  '',
  '',
  'تهران',
  'Tehran, Iran',
  'ایران',
  'شیراز',
  'اصفهان',
  'Mashhad',
  'تبریز',
  'کرج',
];
export const LOCATIONS_ABROAD = [
  'Toronto, Canada',
  'Berlin',
  'London, England',
  'Los Angeles, CA',
  'Stockholm',
  'Paris',
];
export const BIOS_FA = [
  '',
  '',
  '',
  'عاشق کتاب',
  'دانشجو',
  'مهندس نرم‌افزار',
  'معلم',
  'زن زندگی آزادی',
  'هوادار پرسپولیس',
  'عکاس',
];
export const BIOS_EN = [
  '',
  '',
  'coffee addict',
  'software engineer',
  'PhD student',
  'photographer',
  'Iranian-Canadian',
];

export const CLIENTS: readonly [string, number][] = [
  ['Twitter for Android', 52],
  ['Twitter for iPhone', 24],
  ['Twitter Web App', 18],
  ['TweetDeck', 2],
  ['Twitter for iPad', 2],
  ['Hootsuite Inc.', 1],
  ['Buffer', 1],
];
