/**
 * The row labels of the national format word for word (国办公开办函〔2021〕30号), for comparing
 * what a report printed with what the format says. Numbering ("1." "(一)" "一、") is not part of
 * the wording: reports number rows in many styles.
 */
import type { T1RowId } from './format';

export interface LabelWording {
  /** The row's own label, as printed in the format (half-width punctuation). */
  label: string;
  /** The group header printed before the row's label in the format, when this row opens a group. */
  header?: string;
}

export const T1_WORDING: Record<T1RowId, LabelWording> = {
  rules: { label: '规章' },
  normative: { label: '行政规范性文件' },
  license: { label: '行政许可' },
  penalty: { label: '行政处罚' },
  coercion: { label: '行政强制' },
  fees: { label: '行政事业性收费' },
};

export const T2_WORDING: Record<string, LabelWording> = {
  new: { label: '一、本年新收政府信息公开申请数量' },
  carried: { label: '二、上年结转政府信息公开申请数量' },
  '1': { label: '(一)予以公开', header: '三、本年度办理结果' },
  '2': { label: '(二)部分公开(区分处理的,只计这一情形,不计其他情形)' },
  '3.1': { label: '1.属于国家秘密', header: '(三)不予公开' },
  '3.2': { label: '2.其他法律行政法规禁止公开' },
  '3.3': { label: '3.危及“三安全一稳定”' },
  '3.4': { label: '4.保护第三方合法权益' },
  '3.5': { label: '5.属于三类内部事务信息' },
  '3.6': { label: '6.属于四类过程性信息' },
  '3.7': { label: '7.属于行政执法案卷' },
  '3.8': { label: '8.属于行政查询事项' },
  '4.1': { label: '1.本机关不掌握相关政府信息', header: '(四)无法提供' },
  '4.2': { label: '2.没有现成信息需要另行制作' },
  '4.3': { label: '3.补正后申请内容仍不明确' },
  '5.1': { label: '1.信访举报投诉类申请', header: '(五)不予处理' },
  '5.2': { label: '2.重复申请' },
  '5.3': { label: '3.要求提供公开出版物' },
  '5.4': { label: '4.无正当理由大量反复申请' },
  '5.5': { label: '5.要求行政机关确认或重新出具已获取信息' },
  '6.1': { label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', header: '(六)其他处理' },
  '6.2': { label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  '6.3': { label: '3.其他' },
  '6': { label: '(六)其他处理' },
  '7': { label: '(七)总计' },
  next: { label: '四、结转下年度继续办理' },
};
