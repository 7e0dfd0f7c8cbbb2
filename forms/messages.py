"""The wording of every problem code, in zh and en, and the one function that builds a Problem.

Each message says what is wrong AND what to do next: a citizen standing at the terminal has no one
to ask. Messages never repeat what was typed (it may be a name or an ID number, and problems are
logged by the backend), only the field's label and the limits.
"""

from __future__ import annotations

from .text import Problem, Text

# code -> (zh template, en template). {label} is the field's label in the message's language;
# other placeholders are filled from report()'s keyword arguments (Text values per language).
MESSAGES: dict[str, tuple[str, str]] = {
    # --- any field ---
    "required": ("请填写「{label}」。", "Please fill in “{label}”."),
    "type": ("「{label}」的内容格式不对，请重新填写。",
             "“{label}” is not in the expected form; please enter it again."),
    "unknown_field": ("申请中包含本业务没有的项目「{label}」，请返回重新办理。",
                      "The application contains an item this service does not ask for (“{label}”); "
                      "please go back and start the step again."),
    "unknown_field.more": ("另有 {count} 个本业务没有的项目，请返回重新办理。",
                           "There are {count} more items this service does not ask for; please "
                           "go back and start the step again."),
    # --- text ---
    "text.too_short": ("「{label}」至少需要 {min} 个字，请补充完整。",
                       "“{label}” needs at least {min} characters; please complete it."),
    "text.too_long": ("「{label}」最多 {max} 个字，请删减。",
                      "“{label}” allows at most {max} characters; please shorten it."),
    "text.bad_chars": ("「{label}」含有不允许的字符（{allowed}），请删除后重试。",
                       "“{label}” contains characters that are not allowed ({allowed}); "
                       "please remove them."),
    # --- person name ---
    "person_name.bad_chars": (
        "「{label}」只能填写汉字，少数民族姓名可用间隔号“·”，请按身份证上的姓名填写。",
        "“{label}” may contain Chinese characters only (and the middle dot “·” in minority "
        "names); please type the name exactly as on the ID card."),
    "person_name.length": ("「{label}」应为 2 至 30 个字，请按身份证上的姓名填写。",
                           "“{label}” must be 2 to 30 characters; please type the name as on "
                           "the ID card."),
    # --- resident identity number ---
    "ric.format": ("「{label}」应为 18 位：17 位数字加 1 位数字或 X，请核对身份证后重新填写。",
                   "“{label}” must be 18 characters: 17 digits then a digit or X; please check "
                   "the ID card and type it again."),
    "ric.region": ("「{label}」的前两位不是有效的省级代码，请核对身份证后重新填写。",
                   "The first two digits of “{label}” are not a valid province code; please "
                   "check the ID card and type it again."),
    "ric.birth_date": ("「{label}」中的出生日期（第 7–14 位）无效，请核对身份证后重新填写。",
                       "The birth date in “{label}” (characters 7–14) is not a real date; please "
                       "check the ID card and type it again."),
    "ric.checksum": ("「{label}」的校验位不符，可能有一位输错了，请逐位核对后重新填写。",
                     "The check character of “{label}” does not match: a character was probably "
                     "mistyped; please compare it with the ID card one by one."),
    "ric.underage": ("「{label}」对应的人未满 18 周岁，不能担任{role}，请改由成年人担任。",
                     "The person with “{label}” is under 18 and cannot act as {role}; please name "
                     "an adult instead."),
    # --- mobile ---
    "mobile.format": ("「{label}」应为 11 位中国大陆手机号码，以 13–19 开头，请重新填写。",
                      "“{label}” must be an 11-digit mainland China mobile number starting with "
                      "13–19; please enter it again."),
    # --- unified social credit code ---
    "uscc.format": ("「{label}」应为 18 位，由数字和大写字母组成（不含 I、O、S、V、Z），请核对营业执照。",
                    "“{label}” must be 18 digits and capital letters (never I, O, S, V or Z); "
                    "please check the business licence."),
    "uscc.org_checksum": ("「{label}」第 9–17 位组织机构代码的校验位不符，可能有一位输错了，请与营业执照逐位核对。",
                          "The organisation code inside “{label}” (characters 9–17) has a wrong "
                          "check character: a character was probably mistyped; please compare it "
                          "with the business licence."),
    "uscc.checksum": ("「{label}」的校验位不符，可能有一位输错了，请逐位核对营业执照。",
                      "The check character of “{label}” does not match: a character was probably "
                      "mistyped; please compare it with the business licence."),
    # --- numbers ---
    "money.format": ("「{label}」应为金额（元），最多两位小数，例如 100000 或 12345.50。",
                     "“{label}” must be an amount in yuan with at most two decimals, e.g. 100000 "
                     "or 12345.50."),
    "money.range": ("「{label}」应在 {min} 元至 {max} 元之间，请修改。",
                    "“{label}” must be between {min} and {max} yuan; please change it."),
    "integer.format": ("「{label}」应为整数，请只填数字。",
                       "“{label}” must be a whole number; please type digits only."),
    "integer.range": ("「{label}」应在 {min} 至 {max} 之间，请修改。",
                      "“{label}” must be between {min} and {max}; please change it."),
    "area.format": ("「{label}」应为面积（平方米），最多两位小数，例如 35 或 42.5。",
                    "“{label}” must be an area in square metres with at most two decimals, "
                    "e.g. 35 or 42.5."),
    "area.range": ("「{label}」应在 {min} 至 {max} 平方米之间，请核对后修改。",
                   "“{label}” must be between {min} and {max} m²; please check and change it."),
    "date.format": ("「{label}」应为日期，格式为 年-月-日，例如 2027-06-30。",
                    "“{label}” must be a date written year-month-day, e.g. 2027-06-30."),
    "date.range": ("「{label}」应在 {min} 至 {max} 之间，请重新选择。",
                   "“{label}” must fall between {min} and {max}; please choose another date."),
    # --- choices ---
    "choice.unknown": ("「{label}」的选项无效，请从列表中选择。",
                       "“{label}” is not one of the offered options; please pick from the list."),
    "choice.count": ("「{label}」请选择 {min} 至 {max} 项。",
                     "Please choose between {min} and {max} options for “{label}”."),
    "choice.duplicate": ("「{label}」中有重复的选项，请去掉重复项。",
                         "“{label}” lists the same option twice; please remove the repeat."),
    # --- address ---
    "address.town": ("「{label}」的镇街不在南海区，请从列表中选择南海区的街道或镇。",
                     "The town in “{label}” is not in Nanhai district; please pick one of "
                     "Nanhai's subdistricts or towns from the list."),
    "address.detail": ("「{label}」请填写详细地址（路、号、房号），5 至 80 个字。",
                       "Please give the detailed address for “{label}” (road, number, room), 5 to "
                       "80 characters."),
    "address.outside": ("「{label}」的详细地址写的是南海区以外的地方，本机只办理南海区的登记。",
                        "The detail of “{label}” names a place outside Nanhai district; this "
                        "terminal registers businesses in Nanhai only."),
    # --- business scope ---
    "scope.too_many": ("经营范围最多选择 {max} 项，请删减。",
                       "Choose at most {max} business-scope items; please remove some."),
    "scope.unknown": ("经营范围中有目录里没有的项目，请从目录中重新选择。",
                      "A business-scope item is not in the catalogue; please choose it again "
                      "from the catalogue."),
    "scope.duplicate": ("经营范围中「{item}」重复，请去掉重复项。",
                        "The scope lists “{item}” twice; please remove the repeat."),
    "scope.overlap": ("经营范围「{item}」已包含「{other}」，请只保留「{item}」。",
                      "The scope item “{item}” already covers “{other}”; please keep only "
                      "“{item}”."),
    "scope.not_for_entity": ("「{item}」不能由{entity}经营，请删除该项或改办其他登记业务。",
                             "“{item}” cannot be run as {entity}; please remove it or choose "
                             "another kind of registration."),
    # --- persons lists ---
    "persons.count": ("「{label}」应有 {min} 至 {max} 人，请调整。",
                      "“{label}” must list between {min} and {max} entries; please adjust."),
    "persons.kind": ("「{label}」只能填写自然人，请删除单位。",
                     "“{label}” may list natural persons only; please remove the organisation."),
    "persons.duplicate": ("「{label}」中同一证件号码出现了两次，每人只填一次。",
                          "The same ID number appears twice in “{label}”; list each person once."),
    "persons.role": ("「{label}」的职务无效，请从列表中选择。",
                     "The position in “{label}” is not valid; please pick one from the list."),
    # --- names ---
    "name.bad_chars": ("「{label}」只能使用规范汉字，不能含字母、数字或标点（{allowed}），请修改。",
                       "“{label}” may use standard Chinese characters only — no letters, digits "
                       "or punctuation ({allowed}); please change it."),
    "name.no_division": ("「{label}」应以“佛山市南海区”开头，或在字号后用括号注明（佛山市南海区）。",
                         "“{label}” must begin with 佛山市南海区, or give (佛山市南海区) in "
                         "brackets after the trade name."),
    "name.district_without_city": ("「{label}」中的区名要带市名，请写成“佛山市南海区”。",
                                   "The district in “{label}” must be written with its city: "
                                   "佛山市南海区."),
    "name.form": ("「{label}」应以{forms}结尾，请修改组织形式。",
                  "“{label}” must end with its organisation form ({forms}); please change it."),
    "name.form_forbidden": ("「{label}」不能使用「{word}」，{entity}不得使用该字样，请删除。",
                            "“{label}” may not contain “{word}”: {entity} may not use it; please "
                            "remove it."),
    "name.trade_name": ("「{label}」的字号至少需要 2 个汉字，请补充。",
                        "The trade name in “{label}” needs at least 2 Chinese characters; please "
                        "add to it."),
    "name.needs_approval": ("以「{word}」开头的名称须经国务院批准，本机无法办理，请换一个名称。",
                            "A name beginning with “{word}” needs State Council approval, which "
                            "this terminal cannot give; please choose another name."),
    "name.forbidden_word": ("「{label}」含有不得使用的字词「{word}」（{reason}），请换一个名称。",
                            "“{label}” contains the word “{word}”, which names may not use "
                            "({reason}); please choose another name."),
    "name.not_standard": ("「{label}」含有不在《通用规范汉字表》中的字：{chars}。企业名称应使用规范汉字"
                          "（企业名称登记管理规定第五条，个体工商户名称登记管理办法第十一条），请改用简化字。",
                          "“{label}” uses characters outside the Table of General Standard Chinese "
                          "Characters ({chars}); names must use standard simplified characters "
                          "(Provisions on Enterprise Names art. 5; individual-business name measures art. 11); please use the simplified form."),
    "name.no_trade_name": ("「{label}」没有字号：行政区划与组织形式之间只有行业用语「{industry}」。"
                           "行业用语不能作字号（企业名称登记管理规定第八条），请在行业前加上至少 2 个字的字号；"
                           "若该词作字号时另有含义，请到窗口办理。",
                           "“{label}” has no trade name: between the place and the organisation "
                           "form there is only the industry “{industry}”, which cannot serve as "
                           "the trade name (Provisions on Enterprise Names art. 8); please put a "
                           "trade name of 2 or more characters before the industry, or apply at the "
                           "counter if the word has another meaning as your trade name."),
    "name.trade_name_place": ("「{label}」的字号「{word}」是县级以上行政区划名称（{place}），不能作字号"
                              "（企业名称登记管理规定第八条，个体工商户名称登记管理办法第八条）。若该词另有含义，请到窗口办理；否则请换一个字号。",
                              "The trade name “{word}” in “{label}” is the name of a county-level "
                              "or higher place ({place}) and cannot be a trade name (Provisions on "
                              "Enterprise Names art. 8). If it has another meaning, please apply "
                              "at the counter; otherwise choose another trade name."),
    "name.division_place": ("「{label}」中的行政区划只能出现一次：放在名称最前面（佛山市南海区……），"
                            "或用括号紧跟在字号之后（……（佛山市南海区）……）；括号也只能用于此处，请修改。",
                            "The place in “{label}” may appear once only: at the start "
                            "(佛山市南海区…) or in brackets right after the trade name "
                            "(…（佛山市南海区）…); brackets may be used for nothing else. Please "
                            "change it."),
    "name.national_word": ("「{label}」中间的「{word}」只能作行业限定语，紧接在行业用语之前"
                           "（企业名称登记管理规定第十二条），不能作字号的一部分，请修改。",
                           "“{word}” in the middle of “{label}” may only qualify the industry, "
                           "directly before the industry words (Provisions on Enterprise Names "
                           "art. 12), not form part of the trade name; please change it."),
    # --- cross-field rules ---
    "capital.sum": ("各股东认缴出资合计 {total} 元，与注册资本 {capital} 元不一致，请调整出资额或注册资本。",
                    "The shareholders' contributions add up to {total} yuan but the registered "
                    "capital is {capital} yuan; please make them equal."),
    "legal_rep.not_officer": ("法定代表人须由董事或经理担任，请在“董事、监事、经理”中把此人登记为董事或经理。",
                              "The legal representative must be a director or the manager; please "
                              "list this person as director or manager under officers."),
    "legal_rep.name_mismatch": ("法定代表人姓名与“董事、监事、经理”中同一身份证号码的姓名不一致，请核对。",
                                "The legal representative's name differs from the name listed under "
                                "officers for the same ID number; please check both."),
    "officers.no_director": ("请至少登记一名董事。", "Please list at least one director."),
    "officers.board_size": ("董事为两人时不能组成董事会：请设三人以上的董事会（公司法第六十八条），"
                            "或只设一名董事（第七十五条）。",
                            "Two directors cannot form a board: please have a board of three or "
                            "more directors (Company Law art. 68) or a single director (art. 75)."),
    "officers.supervisor_board_size": ("监事为两人时不能组成监事会：请设三人以上的监事会（公司法第七十六条）、"
                                       "一名监事，或依第八十三条不设监事。",
                                       "Two supervisors cannot form a supervisory board: please "
                                       "have three or more (Company Law art. 76), a single "
                                       "supervisor, or none where art. 83 allows it."),
    "officers.too_many_managers": ("经理只能有一名，请调整。",
                                   "A company has one manager only; please adjust."),
    "officers.supervisor_conflict": ("董事或经理不得兼任监事，请为监事另选他人。",
                                     "A director or the manager may not also be a supervisor; "
                                     "please name someone else as supervisor."),
    "family.operator_listed": ("经营者本人不用列入家庭成员，请删除。",
                               "The operator is not listed among the family members; please "
                               "remove them."),
    "pharmacy.pharmacist_needed": ("经营处方药或甲类非处方药须配备执业药师（处方药与非处方药流通管理暂行规定），"
                                   "请填写执业药师信息，或改为仅经营乙类非处方药。",
                                   "Selling prescription or class A over-the-counter drugs needs a "
                                   "licensed pharmacist; please give the pharmacist's details or "
                                   "choose class B OTC drugs only."),
    "food.items_mismatch": ("主体业态为「{format}」时，经营项目须包含{need}，请调整。",
                            "With “{format}” as the main business format, the business items must "
                            "include {need}; please adjust."),
    # --- application as a whole ---
    "service.unknown": ("没有这项登记业务，请回到首页重新选择。",
                        "There is no such registration service; please go back to the start and "
                        "choose again."),
    "step.unknown": ("没有这个填写步骤，请返回上一页。",
                     "There is no such step; please go back to the previous page."),
    "addon.unknown": ("没有这项许可申请，请返回重新选择。",
                      "There is no such permit application; please go back and choose again."),
    "addon.not_offered": ("所选经营范围不需要「{addon}」，请删除这项申请或补选相应的经营范围。",
                          "The chosen scope does not need “{addon}”; please drop that application "
                          "or add the scope item that needs it."),
    "declaration.missing": ("请阅读并确认：{declaration}",
                            "Please read and confirm: {declaration}"),
    "declaration.unknown": ("确认事项中有本业务没有的条目，请返回重新确认。",
                            "A confirmed declaration does not belong to this service; please go "
                            "back and confirm again."),
    "schema.version": ("申请数据的版本（{got}）与本机不符（{want}），请重新办理。",
                       "The application data version ({got}) does not match this terminal "
                       "({want}); please start again."),
    "application.shape": ("申请数据不完整或格式有误，请重新办理。",
                          "The application data is incomplete or malformed; please start again."),
}


def shown(key: object, limit: int = 40) -> str:
    """A key or path from outside, safe to put in a problem: cut to `limit` characters, with
    controls, direction overrides and lone surrogates (which no UTF-8 output can carry)
    replaced by "?"."""
    if not isinstance(key, str):
        return f"<{type(key).__name__}>"
    return "".join(ch if ch.isprintable() else "?" for ch in key[:limit])


def report(field: str, code: str, label: Text | None = None, **params: object) -> Problem:
    """Build the Problem for `code`; Text parameters are resolved per language."""
    zh_t, en_t = MESSAGES[code]
    zh_p: dict[str, object] = {}
    en_p: dict[str, object] = {}
    for key, value in params.items():
        zh_p[key] = value.zh if isinstance(value, Text) else value
        en_p[key] = value.en if isinstance(value, Text) else value
    if label is not None:
        zh_p["label"], en_p["label"] = label.zh, label.en
    else:
        zh_p.setdefault("label", field)
        en_p.setdefault("label", field)
    return Problem(field, code, zh_t.format(**zh_p), en_t.format(**en_p))
