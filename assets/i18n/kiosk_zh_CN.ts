<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/AttractScreen.qml" line="1"/>
        <source>Print my licence</source>
        <translation>打印我的执照</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/AttractScreen.qml" line="47"/>
        <source>Register an individual business, a sole-proprietor enterprise or a limited company, and add the permits it needs.</source>
        <translation>在这里办理个体工商户、个人独资企业、有限责任公司设立登记，并一并申请所需的经营许可。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/AttractScreen.qml" line="58"/>
        <source>Start</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/AttractScreen.qml" line="63"/>
        <source>Touch Start to begin. Your information is cleared when you finish or walk away.</source>
        <translation>请触摸“开始办理”。办理结束或您离开后，您的信息会被清除。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/AttractScreen.qml" line="80"/>
        <source>Large text</source>
        <translation>大字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/AttractScreen.qml" line="86"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/IdleOverlay.qml" line="32"/>
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/IdleOverlay.qml" line="40"/>
        <source>This session ends in %1 seconds and what you entered will be cleared.</source>
        <translation>本次办理将在 %1 秒后结束，您输入的信息将被清除。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/IdleOverlay.qml" line="47"/>
        <source>I need more time</source>
        <translation>我需要更多时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/IdleOverlay.qml" line="53"/>
        <source>End now and clear</source>
        <translation>立即结束并清除</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/Main.qml" line="23"/>
        <source>Business registration self-service</source>
        <translation>营业执照自助办理</translation>
    </message>
</context>
<context>
    <name>ScopeFinderScreen</name>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="18"/>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="19"/>
        <source>Permit needed</source>
        <translation>需要许可</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="20"/>
        <source>Filing needed</source>
        <translation>需要备案</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="21"/>
        <source>No permit needed</source>
        <translation>无需许可</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="26"/>
        <source>Needs a permit before trading: %1. It can be added to your application at this terminal.</source>
        <translation>开展经营前须取得许可：%1。可在本终端随本次申请一并办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="27"/>
        <source>Before trading you need a permit from the responsible department; this terminal cannot add it.</source>
        <translation>开展经营前须向相关部门申请许可，本终端无法办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="28"/>
        <source>Needs a filing: %1. It can be added to your application at this terminal.</source>
        <translation>需要办理备案：%1。可在本终端随本次申请一并办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="29"/>
        <source>The business licence is enough for this activity.</source>
        <translation>凭营业执照即可开展此项经营。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="43"/>
        <source>Find your business activity</source>
        <translation>查找经营范围</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="49"/>
        <source>Type what your business will do, in Chinese or as pinyin initials (for example 餐饮 or cyfw).</source>
        <translation>请输入经营内容，可用汉字或拼音首字母（例如“餐饮”或 cyfw）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="57"/>
        <source>Business activity</source>
        <translation>经营项目</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="64"/>
        <source>Nothing found. Try fewer words, or the first letters of the pinyin.</source>
        <translation>没有找到。请少输入几个字，或改用拼音首字母。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="72"/>
        <source>Showing the first %1 matches only. Type more to narrow the search.</source>
        <translation>只显示前 %1 条结果。请再多输入几个字，缩小查找范围。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ScopeFinderScreen.qml" line="137"/>
        <source>Done, back to the start</source>
        <translation>看完了，返回首页</translation>
    </message>
</context>
<context>
    <name>ServiceScreen</name>
    <message>
        <source>Who it is for: %1</source>
        <translation>适合：%1</translation>
    </message>
    <message>
        <source>Liability: %1</source>
        <translation>责任：%1</translation>
    </message>
    <message>
        <source>Bring with you:</source>
        <translation>请准备：</translation>
    </message>
    <message>
        <source>Start my application</source>
        <translation>开始填写申请</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ServiceScreen.qml" line="45"/>
        <source>This service will ask you for:</source>
        <translation>办理此业务需要填写：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ServiceScreen.qml" line="62"/>
        <source>Before submitting you will confirm:</source>
        <translation>提交前您需要确认：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ServiceScreen.qml" line="79"/>
        <source>Find your business activity and the permits it needs</source>
        <translation>查找经营范围及所需许可</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ServiceScreen.qml" line="86"/>
        <source>Done, back to the start</source>
        <translation>看完了，返回首页</translation>
    </message>
</context>
<context>
    <name>ServicesScreen</name>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ServicesScreen.qml" line="31"/>
        <source>Choose a service</source>
        <translation>请选择业务</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ServicesScreen.qml" line="37"/>
        <source>Touch the kind of business you want to register to see what it will ask.</source>
        <translation>请触摸您要登记的主体类型，查看需要填写的内容。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/ServicesScreen.qml" line="72"/>
        <source>Find your business activity and the permits it needs</source>
        <translation>查找经营范围及所需许可</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/TopBar.qml" line="26"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/TopBar.qml" line="34"/>
        <source>Cancel and clear</source>
        <translation>取消并清除</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/TopBar.qml" line="49"/>
        <source>Large text</source>
        <translation>大字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/TopBar.qml" line="55"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
</context>
<context>
    <name>AddOnOfferStage</name>
    <message>
        <source>Apply now</source>
        <translation>现在一并申请</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不申请</translation>
    </message>
    <message>
        <source>Your business activities need these permits. You can apply for them now, with this application, or later at the counter.</source>
        <translation>您的经营范围需要以下许可。您可以随本次申请一并办理，也可以以后到窗口办理。</translation>
    </message>
</context>
<context>
    <name>ConfirmStage</name>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Journey/ConfirmStage.qml" line="1"/>
        <source>Tap Submit to send your application. A receipt with your application number prints at once.</source>
        <translation>点击“提交申请”即发送您的申请，并立即打印载有申请编号的回执。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Journey/ConfirmStage.qml" line="1"/>
        <source>Submit my application</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>Finish and clear my answers</source>
        <translation>结束并清除我的填写内容</translation>
    </message>
    <message>
        <source>Your application is complete and checked.</source>
        <translation>您的申请已填写完整并通过检查。</translation>
    </message>
</context>
<context>
    <name>DeclarationsStage</name>
    <message>
        <source>Read each statement and tap it to confirm.</source>
        <translation>请阅读每一条声明，点击确认。</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <source>Everything is right</source>
        <translation>全部正确</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>No, keep my answers</source>
        <translation>不，保留我的填写</translation>
    </message>
    <message>
        <source>Nothing has been sent. Your answers and signature will be deleted from this terminal.</source>
        <translation>尚未提交任何内容。您的填写内容和签名将从本终端删除。</translation>
    </message>
    <message>
        <source>Save and back to the check</source>
        <translation>保存并返回核对页</translation>
    </message>
    <message>
        <source>Stop and clear everything you have entered?</source>
        <translation>要停止办理并清除您填写的全部内容吗？</translation>
    </message>
    <message>
        <source>Yes, stop and clear</source>
        <translation>是，停止并清除</translation>
    </message>
</context>
<context>
    <name>ProgressHeader</name>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>还剩 %n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>ReviewStage</name>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
</context>
<context>
    <name>ScopeStage</name>
    <message numerus="yes">
        <source>Chosen (%n)</source>
        <translation>
            <numerusform>已选 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs: %1</source>
        <translation>需要：%1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Search: Chinese or pinyin initials, e.g. 餐饮 or cyfw</source>
        <translation>搜索：输入汉字或拼音首字母，如 餐饮 或 cyfw</translation>
    </message>
</context>
<context>
    <name>SignatureStage</name>
    <message>
        <source>Clear and sign again</source>
        <translation>清除并重新签名</translation>
    </message>
    <message>
        <source>Sign your full name with your finger inside the box. By signing you confirm the statements you ticked.</source>
        <translation>请用手指在框内签写您的全名。签名即表示您确认所勾选的声明。</translation>
    </message>
</context>
<context>
    <name>AddressEditor</name>
    <message>
        <source>Road, number and room</source>
        <translation>道路、门牌号和房号</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>%1 year %2 month %3 day</source>
        <translation>%1年%2月%3日</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>往前</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>往后</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>No date chosen yet: use the buttons below.</source>
        <translation>尚未选择日期：请使用下方按钮。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
</context>
<context>
    <name>DigitsEditor</name>
    <message>
        <source>m²</source>
        <translation>平方米</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
</context>
<context>
    <name>PersonsEditor</name>
    <message>
        <source>A company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>A person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>添加一人</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Person %1</source>
        <translation>第 %1 人</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Subscribed contribution (yuan)</source>
        <translation>认缴出资额（元）</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
</context>
<context>
    <name>HandoverScreen</name>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/HandoverScreen.qml" line="1"/>
        <source>Application number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/HandoverScreen.qml" line="1"/>
        <source>Yes, it came out right</source>
        <translation>是，打印正确</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/HandoverScreen.qml" line="1"/>
        <source>No, print it again</source>
        <translation>否，重新打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/HandoverScreen.qml" line="1"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>CollectScreen</name>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/CollectScreen.qml" line="1"/>
        <source>Lay the applicant's ID card on the reader, or type the last 6 characters of its number</source>
        <translation>请将申请人身份证放在读卡器上，或输入身份证号码后6位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/CollectScreen.qml" line="1"/>
        <source>Enter the application number printed on your receipt.</source>
        <translation>请输入回执上的申请编号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/CollectScreen.qml" line="1"/>
        <source>Print my licence</source>
        <translation>打印我的执照</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/CollectScreen.qml" line="1"/>
        <source>Enter the application number printed on your receipt, or hold the receipt's code under the scanner.</source>
        <translation>请输入回执上的申请编号，或将回执上的二维码对准扫码器。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/CollectScreen.qml" line="1"/>
        <source>Application number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/CollectScreen.qml" line="1"/>
        <source>Last 6 characters of the applicant's ID number</source>
        <translation>申请人身份证件号码后6位</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/CollectScreen.qml" line="1"/>
        <source>Find my application</source>
        <translation>查询我的申请</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/CollectScreen.qml" line="1"/>
        <source>Yes, it came out right</source>
        <translation>是，打印正确</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/CollectScreen.qml" line="1"/>
        <source>No, print it again</source>
        <translation>否，重新打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Shell/CollectScreen.qml" line="1"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>FieldsStage</name>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Journey/FieldsStage.qml" line="1"/>
        <source>Place your ID card on the reader</source>
        <translation>请将身份证放在读卡器上</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/qml/Kiosk/Journey/FieldsStage.qml" line="1"/>
        <source>Your name and ID number fill in by themselves; check them. Or type them below.</source>
        <translation>姓名和身份证号码会自动填入，请核对；也可以在下方手动输入。</translation>
    </message>
</context>
</TS>
