import * as assert from 'node:assert/strict';
import { scanNumbers } from '../../server/src/core/text/numbers';
import { parseChinese, toChinese } from '../../server/src/core/text/chinese';
import { formatDec } from '../../server/src/core/num/decimal';
import { normalize } from '../../server/src/core/text/normalize';

/** Scans a sentence as the analyser sees it: normalised, white space removed. */
function figures(s: string) {
  const c = normalize(s).replace(/\s+/g, '');
  return scanNumbers(c).map((t) => `${formatDec(t.value)}${t.unit}${t.approx ? '~' : ''}`);
}

describe('number scanner', () => {
  it('reads counts with units, percentages, decimals and thousands separators', () => {
    assert.deepEqual(figures('收到申请35件,占48.57%,发布信息2,100篇,培训300人次'), ['35件', '48.57%', '2100篇', '300人次']);
    assert.deepEqual(figures('收费 4221.6528 万元'), ['42216528.0000元']);
  });

  it('reads full-width digits and PDF spacing', () => {
    assert.deepEqual(figures('受理政府\n信息公开申请 １７ 件，占 ５０％'), ['17件', '50%']);
  });

  it('reads Chinese numerals before a unit', () => {
    assert.deepEqual(figures('收到行政复议三件,诉讼两件,咨询十二条,来信一百零五封'), ['3件', '2件', '12条', '105封']);
    assert.equal(parseChinese('二千三百'), 2300);
    assert.equal(parseChinese('三四'), undefined);
    assert.equal(toChinese(105), '一百零五');
    assert.equal(toChinese(12), '十二');
  });

  it('applies 万 and 亿 with the written precision as slack', () => {
    const c = scanNumbers('访问量1.2万人次');
    assert.equal(formatDec(c[0].value), '12000.0');
    assert.equal(c[0].unit, '人次');
    assert.equal(formatDec(c[0].slack), '500.00');
    assert.equal(c[0].pow, 4);
  });

  it('marks approximate figures', () => {
    assert.deepEqual(figures('主动公开信息182余条,近720余次,约40个,5000多条,280万余人次,300人次左右,100件以上,超过20场'), [
      '182条~',
      '720次~',
      '40个~',
      '5000条~',
      '2800000人次~',
      '300人次~',
      '100件~',
      '20场~',
    ]);
  });

  describe('never treats these as figures', () => {
    const cases: [string, string][] = [
      ['years', '2023年,我局…;2023 年度;2022年1月1日'],
      ['dates', '日期:2023-01-28;12月31日;2023年1月17日'],
      ['phone numbers', '联系电话:0832-8223730;电 话 ： 0517-87222589'],
      ['postcodes', '邮编:165099,邮 编 ： 223100'],
      ['document numbers', '国办公开办函〔2021〕30号;国令第 711 号;大署〔2023〕18号'],
      ['ordinals', '第二十条第(一)项;第一季度;第3次会议;一是加强培训;二是;1.属于国家秘密'],
      ['addresses', '威远县严陵镇西街2号;洪泽湖大道 90 号'],
      ['book titles', '印发《关于加快发展的十条措施》'],
      ['hotlines and e-mail', '12345政务服务热线;hzzwgk@126.com'],
      ['scores and rates', '平均得分103.9分;办结率100'],
      ['words with 一', '归集在一起;一件事一次办'],
    ];
    for (const [name, text] of cases) it(name, () => assert.deepEqual(figures(text), []));
  });
});
