### 简体中文（zh-Hans）：示范信函和X平台建议帖文。
### Conventions: see pack.ftl. The addressee is 您 (阁下 for heads of mission), the sender 我. CLDR zh has the one
### plural category other, and a number takes a measure word (封), so one sentence serves every count.

letters-heading = 示范信函
letters-intro = 本材料包共有{ $count }封示范信函，上文列出的有电子邮件地址的机构各一封。对于只能通过X联系的机构，请使用上文的建议帖文。请填写您的姓名、所在组织和日期，在信函上签名，然后发送至所列地址，或寄往俄罗斯联邦驻您所在国家的大使馆。

letter-kicker = 示范信函第{ $number }封（共{ $count }封）
letter-subject = 事由：关于将{ -amnesty }列为“不受欢迎组织”一事
letter-concern = 俄罗斯联邦总检察院于2025年5月19日宣布将{ -amnesty }列为“不受欢迎组织”，我谨致函对这一决定表示深切关注。
letter-context = 这一决定禁止该组织在俄罗斯开展活动，任何与其合作、支持它甚至分享其信息的人，都将面临行政责任和刑事追诉。此举公然企图报复{ -amnesty }，因为该组织记录了俄罗斯武装部队在乌克兰犯下的战争罪和危害人类罪，并公开、鲜明地反对俄罗斯打压异见声音。
# Both variants end with a colon and are completed by the four demands (verb phrases).
letter-demands-intro = { $kind ->
    [mission] 谨请阁下向俄罗斯联邦当局转达我的呼吁，要求其：
   *[official] 因此，我谨恳切敦请您：
}
letter-final = 人权组织，包括外国和国际非政府组织，必须能够在俄罗斯开展正当活动，不受任何阻碍，也无须担心遭到报复。

## 由寄信人填写的栏目。

letter-field-name = 姓名
letter-field-organisation = 组织
letter-field-date = 日期
letter-field-address = 地址
letter-field-signature = 签名

## X平台建议帖文。

x-post-heading = X平台建议帖文
x-post = { $handle } 我敦促您将{ -amnesty }从“不受欢迎组织”名单中移除，并废除关于“不受欢迎组织”的法律。捍卫人权不是犯罪。#俄罗斯 #人权
