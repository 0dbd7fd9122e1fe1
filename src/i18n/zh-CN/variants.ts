/** 每名学生各自的数字（变体）与抄袭迹象：助教和学生读到的话（中文）。 */
import type { variants as english } from '../en/variants.js';
import type { Translation } from '../types.js';

export const variants: Translation<typeof english> = {
  'variants.noStudentId': () => '文件内容和文件名中都没有学号，无法确定按哪组数字评分（每名学生的数字各不相同）：请在模板的学号一栏填写学号；自查时也可以加 --id 指定',
  'variants.unknownStudent': (p) => `学号 ${p.id} 在各学生数字文件中没有对应的一行，无法确定按哪组数字评分`,
  'help.checkId': () => '评分标准含各学生数字（variants）时：按此学号的数字评分（默认取文件中或文件名中的学号）',
  'help.pageVariants': () => '各学生的数字（由“stepmark variants”生成），用于含 variants 的评分标准：页面会请学生输入学号',
  'variants.needFile': (p) => `${p.rubric} 为每名学生给出各自的数字：请加上 --variants variants.csv（由“stepmark variants”生成）`,
  'variants.pageNeedsFile': (p) => `${p.rubric} 为每名学生给出各自的数字：请加上 --variants variants.csv（由“stepmark variants”生成）；页面会请学生输入学号，并按其本人的数字检查文件`,
  'variants.nothingToPin': (p) => `${p.rubric} 没有 variants: 部分，--variants ${p.path} 无数字可用`,
  'variants.idWithoutVariants': (p) => `${p.rubric} 没有 variants: 部分，所有学生的数字相同，--id 无需指定`,
  'variants.pageWrote': (p) => `页面中含 ${p.students} 名学生各自的数字，以加盐的慢哈希学号为索引（不含姓名和学号）`,
};
