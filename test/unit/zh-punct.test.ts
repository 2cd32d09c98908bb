/** Full-width punctuation in Chinese messages, never inside numbers or ASCII spans; the report's language picks the locale. */
import * as assert from 'node:assert/strict';
import { fullWidthPunct } from '../../server/src/zhPunct';
import { pick } from '../../server/src/convert';
import { resolveLocale, textLocale } from '../../server/src/settings';

describe('Chinese punctuation at the edge', () => {
  const cases: [string, string][] = [
    ['(七)总计·自然人 为 96,但(一)至(六)各项之和为 97;本行总计', '（七）总计·自然人 为 96，但（一）至（六）各项之和为 97；本行总计'],
    ['共 1,234 件,占 79.8%,区间 341–680', '共 1,234 件，占 79.8%，区间 341–680'],
    ['会议于 12:30 开始', '会议于 12:30 开始'],
    ['一+二=(七)+四', '一+二=（七）+四'],
    ['表二 (七)总计', '表二（七）总计'],
    ['文档过大(5.0 MB,上限 4.0 MB),未做检查', '文档过大（5.0 MB，上限 4.0 MB），未做检查'],
    ['nianbao:文档已更改', 'nianbao：文档已更改'],
    ['见 https://example.org/a(b) 与 f(x), g(y)', '见 https://example.org/a(b) 与 f(x), g(y)'],
    ['是否继续?是!', '是否继续？是！'],
    ['pure ASCII (a, b): c; d? e!', 'pure ASCII (a, b): c; d? e!'],
    ['“予以公开”(83件)', '“予以公开”（83件）'],
  ];
  for (const [input, want] of cases) it(input, () => assert.equal(fullWidthPunct(input), want));

  it('pick applies it to Chinese only', () => {
    const m = { zh: '为 96,但(一)', en: 'is 96, but (1)' };
    assert.equal(pick(m, 'zh'), '为 96，但（一）');
    assert.equal(pick(m, 'en'), 'is 96, but (1)');
  });
});

describe('message locale', () => {
  it('auto: the report’s language decides, not the editor’s', () => {
    assert.equal(resolveLocale('auto', 'en-US', '示例县2023年政府信息公开工作年度报告\n一、总体情况'), 'zh');
    assert.equal(resolveLocale('auto', 'zh-cn', 'An English note about nothing in particular.'), 'en');
    assert.equal(resolveLocale('auto', 'en-US', '2023 | 12 | 3'), 'en', 'no letters: the editor’s locale');
    assert.equal(resolveLocale('auto', undefined, '12 | 3'), 'zh');
  });
  it('the setting overrides', () => {
    assert.equal(resolveLocale('en', 'zh-cn', '年度报告'), 'en');
    assert.equal(resolveLocale('zh', 'en-US', 'English text'), 'zh');
  });
  it('textLocale counts Chinese characters against Latin letters', () => {
    assert.equal(textLocale('年度报告 report'), 'zh');
    assert.equal(textLocale('a long report 年'), 'en');
    assert.equal(textLocale('123'), undefined);
  });
});
