/** Types of the parts of Google's myanmar-tools (1.1.3, CommonJS, no types of its own) that zawgyi.ts uses. */
declare module 'myanmar-tools' {
  /** The module is CommonJS (`module.exports = { ZawgyiDetector, ZawgyiConverter }`): import its default. */
  const tools: { ZawgyiDetector: typeof ZawgyiDetector; ZawgyiConverter: typeof ZawgyiConverter };
  export default tools;
  export class ZawgyiDetector {
    /** Probability (0 to 1) that `text` is Zawgyi; -Infinity when it has no Burmese characters. */
    getZawgyiProbability(text: string): number;
  }
  export class ZawgyiConverter {
    zawgyiToUnicode(text: string): string;
    unicodeToZawgyi(text: string): string;
  }
}
