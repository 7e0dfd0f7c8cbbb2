"""Every fixed phrase of the web pages, in Simplified Chinese and English (zh is the default)."""

from __future__ import annotations

from forms import Text

LANGS = ("zh", "en")

UI: dict[str, Text] = {
    "site": Text("佛山市南海区 商事登记网上申请", "Nanhai District business registration online"),
    "toggle": Text("English", "中文"),
    "services_title": Text("选择要办理的业务", "Choose what to register"),
    "services_lead": Text(
        "逐页回答问题，提交前可检查和修改。草稿保存 {hours} 小时。",
        "Answer one page at a time; you can check and change everything before you send it. "
        "Your draft is kept for {hours} hours.",
    ),
    "start": Text("开始办理", "Start now"),
    "continue": Text("保存并继续", "Save and continue"),
    "add_row": Text("保存并再添加一人", "Save and add another person"),
    "search": Text("搜索", "Search"),
    "back": Text("返回", "Back"),
    "change": Text("修改", "Change"),
    "error_title": Text("请修改以下问题", "There is a problem"),
    "error_prefix": Text("错误：", "Error: "),
    "optional": Text("（选填）", " (optional)"),
    "only_if": Text("仅当“{field}”选择“{value}”时填写。", "Only if “{field}” is “{value}”."),
    "addons_title": Text("一并申请许可证或备案", "Apply for permits or filings at the same time"),
    "addons_lead": Text(
        "您选择的经营范围需要以下许可证或备案，可以现在一并申请。",
        "The business scope you chose needs these permits or filings; you may apply for them "
        "now.",
    ),
    "declarations_title": Text("确认事项", "Declarations"),
    "check_title": Text("检查您的回答", "Check your answers before sending"),
    "check_lead": Text(
        "提交后将按与自助终端相同的规则审核。", "It is checked by the same rules as at a terminal."
    ),
    "submit": Text("提交申请", "Send application"),
    "scope_search": Text("搜索经营范围（汉字或拼音首字母）", "Search the catalogue (Chinese or pinyin initials)"),
    "scope_chosen": Text("已选择", "Chosen"),
    "scope_results": Text("搜索结果", "Search results"),
    "person": Text("第 {n} 人", "Person {n}"),
    "p_kind": Text("类型", "Kind"),
    "p_kind_person": Text("自然人", "A person"),
    "p_kind_company": Text("企业", "A company"),
    "p_name": Text("姓名或企业名称", "Name"),
    "p_id": Text("身份证号码或统一社会信用代码", "ID number or credit code"),
    "p_name_person": Text("姓名", "Name"),
    "p_id_person": Text("身份证号码", "ID number"),
    "p_contribution": Text("认缴出资额（元）", "Capital subscribed (yuan)"),
    "p_role": Text("职务", "Position"),
    "town": Text("镇街", "Town"),
    "detail": Text("详细地址", "Road, number and room"),
    "choose": Text("请选择", "Choose"),
    "none": Text("未填写", "Not given"),
    "yes": Text("是", "Yes"),
    "done_title": Text("申请已提交", "Application sent"),
    "app_number": Text("申请编号", "Application number"),
    "status": Text("办理状态", "Status"),
    "status_approved": Text("已核准（秒批）", "Approved at once"),
    "status_in-review": Text("审核中", "Being reviewed"),
    "status_returned": Text("已退回，请按原因修改后重新申请", "Returned: correct it and apply again"),
    "status_rejected": Text("不予登记", "Refused"),
    "status_received": Text("已接收", "Received"),
    "print_rule": Text(
        "网上申请未经身份证实名核验。营业执照只能在自助终端打印：在终端扫描下方二维码或输入申请编号，"
        "再刷身份证或输入身份证号码后 6 位证明是本人。",
        "An application made online has not been checked against an ID card. Its licence "
        "prints only at a self-service terminal: scan the code below there or type the "
        "application number, then prove it is you with your ID card or the last 6 characters "
        "of your ID number.",
    ),
    "qr_alt": Text("申请编号二维码", "QR code of the application number"),
    "reasons": Text("原因", "Reasons"),
    "expired_title": Text("草稿已过期或不存在", "This draft has expired or does not exist"),
    "expired_lead": Text(
        "草稿保存 {hours} 小时后自动删除。请重新开始。",
        "Drafts are deleted {hours} hours after they are started. Please start again.",
    ),
    "csrf_title": Text("页面已失效", "This page has expired"),
    "csrf_lead": Text(
        "为保护您的申请，请返回上一页刷新后重新提交。",
        "To protect your application, go back, reload the page and send it again.",
    ),
    "restart": Text("重新开始", "Start again"),
    "addon_none": Text("不申请", "None"),
    "wrong_offer": Text("请只选择列出的许可证或备案。", "Choose only the permits or filings listed."),
}


def t(key: str, lang: str, **params: object) -> str:
    text = UI[key]
    chosen = text.en if lang == "en" else text.zh
    return chosen.format(**params) if params else chosen


def pick(text: Text, lang: str) -> str:
    """One language of a forms Text."""
    return text.en if lang == "en" else text.zh
