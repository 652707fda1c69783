// Types for java-random (java.util.Random in JavaScript), the random source networkanalysis-ts's Leiden
// algorithm takes; the package ships none. Only what lockstep uses is declared.
declare module 'java-random' {
  export default class JavaRandom {
    constructor(seed?: number);
    nextInt(bound?: number): number;
    nextDouble(): number;
  }
}
