// Traditional characters as simplified ones, for matching: 拉薩 is 拉萨, 烏魯木齊 is 乌鲁木齐. The
// graph stores the simplified names the official list uses; what people type (Hong Kong, Taiwan and
// overseas writing) is converted by OpenCC's tables before it is compared.
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const hkToSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const twToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const HAN = /\p{Script=Han}/u;

/** Traditional spellings (Taiwan, Hong Kong or plain OpenCC traditional) as simplified Chinese; other text as it is. */
export function simplify(text: string): string {
  return HAN.test(text) ? toSimplified(twToSimplified(hkToSimplified(text))) : text;
}
