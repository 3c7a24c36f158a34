### 简体中文（zh-Hans）：紧急呼吁正文。
### Conventions: “ ” and 《》; no spaces beside Han; 2025年5月19日, 15000, 第20.33条 (see pack.ftl).
### “不受欢迎组织” renders нежелательная организация (Xinhua and Chinese media’s term); “外国代理人”法 the
### “foreign agents” law. Legal terms kept distinct: 行政责任 (administrative liability), 刑事责任 (criminal
### liability), 刑事追诉 (prosecution), 罚款 (fine), 监禁 (imprisonment).

# “Ensure accountability”: Amnesty works to see that those responsible are held to account (确保追究责任);
# it does not prosecute anyone itself.
alert-p1 = { -observatory }获悉，俄罗斯当局已将知名国际人权组织{ -amnesty }列为“不受欢迎组织”。近年来，{ -amnesty }开展了至关重要的工作，记录俄罗斯武装部队在乌克兰犯下的战争罪和危害人类罪，并致力于确保追究相关责任；同时，该组织公开、鲜明地反对俄罗斯在国内打压异见声音。

# The quotations render the release of 19 May 2025 («…является центром подготовки глобальных русофобских
# проектов…»; «…активисты … оправдывают преступления украинских неонацистов…»: there the plural verb is said of
# the activists). The alert accuses the organisation and quotes a noun phrase (“justifying the crimes of Ukrainian
# neo-Nazis”); Chinese verbs do not inflect, so “为……辩护” quotes that phrase as it stands.
alert-p2 = 2025年5月19日，俄罗斯联邦总检察院宣布已将{ -amnesty }认定为“不受欢迎组织”，指控该组织是“筹划全球恐俄项目的中心”，并“为乌克兰新纳粹分子的罪行辩护”。

alert-p3 = 被列为“不受欢迎”组织，实际上意味着{ -amnesty }在俄罗斯的活动遭到禁止，任何与该组织有关联、支持该组织甚至传播该组织信息的人，都面临被追究行政责任和遭受刑事追诉的重大风险。此前，在俄罗斯全面入侵乌克兰后不久，当局就已关闭{ -amnesty }莫斯科办事处，并封锁了其网站。

# The years 2015, 2021 and 2024 and the quoted criteria of the law (Art. 3.1 of Federal Law No. 272-FZ) are facts.
# “会同” renders “in cooperation with” (the law’s «по согласованию с»), as Chinese statutes word it.
alert-p4 = { -observatory }指出，根据2015年通过、并于2021年和2024年进一步收紧的关于“不受欢迎组织”的压制性法律，俄罗斯联邦总检察院会同俄罗斯联邦外交部，有权将任何被认为构成“对俄罗斯联邦宪法制度基础、国防能力或国家安全的威胁”的外国或国际组织宣布为“不受欢迎”组织。

# Fine of up to 15,000 roubles (about 167 euros): 15000 ungrouped, as Chinese writes a five-digit amount in prose;
# Article 20.33 of the Code of Administrative Offences of the Russian Federation, 《俄罗斯联邦行政违法法典》.
# “参与……活动” quotes the wording of Article 20.33 («участие в деятельности»), with the nested ‘ ’.
alert-p5 = “不受欢迎组织”被禁止在俄罗斯境内从事任何活动，包括发布或传播任何信息、进行金融交易，以及向当地组织和个人提供资金或其他援助。根据《俄罗斯联邦行政违法法典》第20.33条，“参与被宣布为‘不受欢迎’的组织的活动”须承担行政责任，并处最高15000俄罗斯卢布（约合167欧元）的罚款。在实践中，由于该法律措辞含糊，有人仅仅因为在社交媒体平台上转发“不受欢迎组织”所传播的信息就受到惩处，即使原帖发布于该组织被列为“不受欢迎”组织之前。

# Up to four years for repeated violations; up to four (donating) and six years (managing), respectively;
# Article 284.1 of the Criminal Code of the Russian Federation, 《俄罗斯联邦刑法典》.
alert-p6 = 此外，屡次违反者须承担刑事责任，最高可处四年监禁；向被宣布为“不受欢迎”的组织捐款者或管理此类组织者，分别面临最高四年和六年的监禁（《俄罗斯联邦刑法典》第284.1条）。任何与“不受欢迎组织”合作的俄罗斯公民或组织，即使身处俄罗斯境外，也将面临行政处罚；对个人而言，还须承担刑事责任。

alert-p7 = 由俄罗斯联邦司法部负责维护的“不受欢迎组织”名单目前已列入超过200个组织，其中包括多家主要的独立媒体和人权组织。

# The strongest wording of the alert: “以最强烈的措辞” (“in the strongest terms”), “公然” (“blatant”).
alert-p8 = { -observatory }以最强烈的措辞谴责将{ -amnesty }列为“不受欢迎组织”的决定。此举公然企图报复该组织，因为该组织在推动追究俄罗斯武装部队在乌克兰所犯战争罪和危害人类罪的责任方面发挥了引领作用，并公开、鲜明地反对俄罗斯打压异见声音。

alert-p9 = 此举也是企图进一步恐吓和惩罚与独立公民社会组织合作的俄罗斯公民，并进一步限制身在俄罗斯国内的俄罗斯国民获取有关俄罗斯对乌克兰战争的独立、可靠信息。

# “Legitimate activities”: 正当活动 (rightful, not merely 合法, legal). “NGOs” spelt out: 非政府组织.
alert-p10 = { -observatory }敦促俄罗斯当局立即撤销该决定，在任何情况下都尊重结社自由权，并确保人权组织，包括外国和国际非政府组织，能够开展正当活动，不受任何阻碍，也无须担心遭到报复。

alert-p11 = { -observatory }还敦促国际社会与{ -amnesty }以及俄罗斯所有人权维护者团结一致。

## 您可以如何提供帮助

help-heading = 您可以如何提供帮助
help-intro = 请致函俄罗斯联邦当局，要求他们：

## The four demands are verb phrases: they complete both “要求他们：” above and “敦请您：” / “要求其：” in the
## letters. Each ends with “；”, the last with “。”.

demand-remove = 立即将{ -amnesty }从“不受欢迎组织”名单中移除；
demand-repeal = 废除关于“不受欢迎组织”的法律以及任何其他相关的压制性立法，例如“外国代理人”法；
demand-harassment = 停止针对{ -amnesty }及其成员，以及俄罗斯所有人权组织和人权维护者的一切骚扰行为，包括司法层面的骚扰，并在任何情况下确保他们能够开展正当活动，不受任何阻碍，也无须担心遭到报复；
# Articles 19, 21 and 22 of 《公民权利和政治权利国际公约》 (the UN Chinese title); “international human rights
# law” is 国际人权法 (the source’s “human right law” is a slip).
demand-freedoms = 在任何情况下保障国际人权法所确立，特别是《公民权利和政治权利国际公约》第19条、第21条和第22条所规定的表达自由、集会自由和结社自由的权利。

## 联系地址

addresses-heading = 联系地址
addresses-closing = 也请致函俄罗斯联邦驻您所在国家的外交代表机构或大使馆。
