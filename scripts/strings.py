#!/usr/bin/env python3
"""The string tables' source: one entry per key with its Chinese and English text.

Run `python3 scripts/strings.py` after editing; it writes Sources/TuopinWeb/Resources/i18n/{zh,en}.json
(sorted, so diffs stay small). Placeholders are {name}.
"""
import json, os

S = {
 "app.name": ("衡阳市扶贫对象信息系统", "Tuopin poverty registry"),
 "app.switchLanguage": ("English", "中文"),
 "value.yes": ("是", "yes"), "value.no": ("否", "no"), "value.missing": ("缺失", "missing"),
 "unit.households": ("户", "households"), "unit.people": ("人", "people"),

 "statistics.incidence.pass": ("贫困发生率 {incidence}%（未脱贫 {remainingPoorPeople} 人 ÷ 农村户籍人口 {ruralRegisteredPopulation} 人，{populationYear} 年）",
                               "Incidence {incidence}% ({remainingPoorPeople} people not exited ÷ rural registered population {ruralRegisteredPopulation}, {populationYear})"),
 "statistics.incidence.fail": ("无法计算贫困发生率：缺少 农村户籍人口（未脱贫 {remainingPoorPeople} 人）",
                               "Incidence cannot be computed: no rural registered population ({remainingPoorPeople} people not exited)"),
 "exit.E1.pass": ("人均纯收入 {perCapitaNetIncome} {relation} 扶贫标准 {povertyLine}（{year}）", "Per-capita net income {perCapitaNetIncome} {relation} poverty line {povertyLine} ({year})"),
 "exit.E1.fail": ("人均纯收入 {perCapitaNetIncome} {relation} 扶贫标准 {povertyLine}（{year}），未达到“一超过”", "Per-capita net income {perCapitaNetIncome} {relation} poverty line {povertyLine} ({year}): not above the line"),
 "exit.E2.pass": ("不愁吃、不愁穿，饮水安全有保障", "Food, clothing and safe water secured"),
 "exit.E2.fail": ("“两不愁”或饮水安全未保障（吃 {food}，穿 {clothing}，饮水 {safeWater}）", "Food, clothing or safe water not secured (food {food}, clothing {clothing}, water {safeWater})"),
 "exit.E3.pass": ("义务教育有保障", "Compulsory education secured"),
 "exit.E3.fail": ("义务教育未保障：因贫失学辍学 {childrenOutOfSchool} 人", "Compulsory education not secured: {childrenOutOfSchool} child(ren) out of school"),
 "exit.E4.pass": ("基本医疗有保障", "Basic medical care secured"),
 "exit.E4.fail": ("基本医疗未保障：未参保 {uninsuredMembers} 人，医疗救助 {medicalAssistanceAvailable}", "Basic medical care not secured: {uninsuredMembers} uninsured, medical assistance {medicalAssistanceAvailable}"),
 "exit.E5.pass": ("住房安全有保障（危房等级 {dangerGrade}）", "Safe housing (danger grade {dangerGrade})"),
 "exit.E5.fail": ("住房安全未保障（危房等级 {dangerGrade}）", "Housing not safe (danger grade {dangerGrade})"),

 "error.database.open": ("无法打开数据库 {location}：{reason}", "Cannot open the database {location}: {reason}"),
 "error.area.unknown": ("数据库中没有区划代码 {code}", "No area with code {code} in the registry"),
 "error.area.invalid": ("区划代码无效：{reason}", "Invalid area code: {reason}"),
 "error.date.invalid": ("日期无效：{text}，应为 YYYY-MM-DD", "Invalid date {text}; expected YYYY-MM-DD"),
 "error.demo.notEmpty": ("数据库已有 {households} 户数据；演示数据只能导入空库（可加 --replace 重建）", "The registry already holds {households} households; the demo loads only into an empty one (use --replace)"),
 "error.import.rejected": ("导入未提交：{count} 行有误（报告：{report}）", "Import not committed: {count} rows rejected (report: {report})"),
 "error.unexpected": ("操作失败（{reason}），请联系管理员", "The operation failed ({reason}); please contact the administrator"),
 "error.page.notFound": ("找不到该页面或区划", "Page or area not found"),
 "error.page.badRequest": ("请求参数有误", "The request is not valid"),
 "error.page.internal": ("系统出错，请稍后再试", "Something went wrong; please try again later"),
 "error.page.home": ("返回首页", "Back to the dashboard"),

 "reason.adminCode.wrongLength": ("应为 6、9 或 12 位数字，实为 {count} 位", "must have 6, 9 or 12 digits, has {count}"),
 "reason.adminCode.notADigit": ("第 {position} 位不是数字", "character {position} is not a digit"),
 "reason.adminCode.unknownProvince": ("省级代码 {province} 不存在", "no province has code {province}"),
 "reason.adminCode.missingLevel": ("缺少{level}一级", "the {level} part is missing"),
 "reason.id.wrongLength": ("身份证号应为 18 位，实为 {count} 位", "ID number must have 18 characters, has {count}"),
 "reason.id.notADigit": ("身份证号第 {position} 位不是数字", "ID number character {position} is not a digit"),
 "reason.id.invalidBirthDate": ("身份证号中的出生日期 {date} 不存在", "the birth date {date} in the ID number does not exist"),
 "reason.id.birthDateInFuture": ("身份证号中的出生日期 {date} 晚于今天", "the birth date {date} in the ID number is in the future"),
 "reason.id.wrongCheckCharacter": ("身份证号校验位错误，应为 {expected}", "ID number check character is wrong: expected {expected}, found {found}"),

 "migrate.done": ("数据库 {location} 已是最新结构（本次执行 {count} 个迁移）", "Database {location} is up to date ({count} migrations applied)"),
 "demo.done": ("演示数据已生成：{counties} 个县市区，{households} 户，{members} 人，{incomes} 条收入记录，用时 {seconds} 秒（{location}）",
               "Demo built: {counties} counties, {households} households, {members} people, {incomes} income records in {seconds} s ({location})"),
 "progress.demo.households": ("生成演示数据", "Building demo"),

 "stats.title": ("{name}（{code}）截至 {date}", "{name} ({code}) as of {date}"),
 "stats.households": ("户数", "households"), "stats.people": ("人数", "people"),
 "stats.enrolled": ("建档立卡", "Enrolled"), "stats.exited": ("已脱贫", "Exited"), "stats.notExited": ("未脱贫", "Not exited"),
 "stats.enrolmentIncidence": ("建档时贫困发生率（{date}）{incidence}%（{people} 人 ÷ {population} 人）", "Incidence at enrolment ({date}) {incidence}% ({people} ÷ {population})"),
 "stats.reduction": ("累计减少贫困人口 {people} 人（{tenThousand} 万人）", "Cumulative reduction {people} people ({tenThousand} × 10,000)"),
 "stats.poorVillages": ("贫困村 {designated} 个，已出列 {exited} 个", "Poor villages {designated}, exited {exited}"),
 "stats.poorCounties": ("贫困县 {designated} 个，已摘帽 {exited} 个", "Poor counties {designated}, exited {exited}"),

 "dashboard.heading": ("{name} 脱贫攻坚数据（截至 {date}）", "{name} poverty alleviation figures (as of {date})"),
 "dashboard.asOf": ("统计日期", "As of"), "dashboard.show": ("查看", "Show"),
 "dashboard.empty": ("数据库中还没有数据。运行 tuopin demo 生成衡阳演示数据。", "The registry is empty. Run tuopin demo to build the Hengyang demo."),
 "dashboard.enrolled": ("建档立卡", "Enrolled"), "dashboard.exited": ("已脱贫", "Exited"), "dashboard.notExited": ("未脱贫", "Not exited"),
 "dashboard.incidence": ("贫困发生率", "Incidence"),
 "dashboard.incidenceAtEnrolment": ("建档时 {incidence}（{date}）", "at enrolment {incidence} ({date})"),
 "dashboard.reduction": ("累计减贫", "Cumulative reduction"),
 "dashboard.tenThousandPeople": ("{value} 万人", "{value} × 10k people"),
 "dashboard.poorVillages": ("贫困村出列", "Poor villages exited"),
 "dashboard.villagesExited": ("{exited} / {designated} 个", "{exited} of {designated}"),
 "dashboard.tableCaption": ("分地区（户 / 人）", "By area (households / people)"),
 "dashboard.chartTitle": ("贫困发生率（%）", "Incidence (%)"),
 "dashboard.col.area": ("地区", "Area"), "dashboard.col.enrolled": ("建档立卡", "Enrolled"), "dashboard.col.exited": ("已脱贫", "Exited"),
 "dashboard.col.notExited": ("未脱贫", "Not exited"), "dashboard.col.incidence": ("贫困发生率", "Incidence"),
 "dashboard.col.villages": ("贫困村出列", "Villages exited"),
}

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "Sources", "TuopinWeb", "Resources", "i18n")
os.makedirs(out, exist_ok=True)
for i, lang in enumerate(["zh", "en"]):
    with open(os.path.join(out, f"{lang}.json"), "w", encoding="utf-8") as f:
        json.dump({k: v[i] for k, v in sorted(S.items())}, f, ensure_ascii=False, indent=1)
        f.write("\n")
