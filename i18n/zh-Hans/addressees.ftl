### 简体中文（zh-Hans）：收件人。
### Names in Xinhua transliteration, with 先生 after the name: 弗拉基米尔·普京、米哈伊尔·米舒斯京、
###   谢尔盖·拉夫罗夫、伊戈尔·克拉斯诺夫、亚历山大·博尔特尼科夫. Titles as Xinhua and the Chinese MFA give them.
### Salutations: “尊敬的<title>先生：”; heads of mission “尊敬的<title>阁下：”.
### Closings: “谨致崇高的敬意！” (Respectfully yours), “谨致敬意！” (Yours sincerely); for missions the diplomatic
###   “谨向阁下致以最崇高的敬意。” (“the assurances of my highest consideration”). The two-line 此致/敬礼 would need
###   a line break inside one closing line, so it is not used.
### .recipient: a Chinese letter is headed title first, then the name with 先生 (or 阁下 for a head of mission).

addressee-putin = 弗拉基米尔·普京先生
    .role = 俄罗斯联邦总统
    .salutation = 尊敬的总统先生：
    .closing = 谨致崇高的敬意！

# Председатель Правительства: 俄罗斯联邦政府总理, as Xinhua gives it.
addressee-mishustin = 米哈伊尔·米舒斯京先生
    .role = 俄罗斯联邦政府总理
    .salutation = 尊敬的总理先生：
    .closing = 谨致崇高的敬意！

addressee-lavrov = 谢尔盖·拉夫罗夫先生
    .role = 俄罗斯联邦外交部长
    .salutation = 尊敬的部长先生：
    .closing = 谨致敬意！
    .recipient =
        俄罗斯联邦外交部长
        谢尔盖·拉夫罗夫先生

# Генеральный прокурор: 总检察长, head of 总检察院 (the source’s “General Prosecutor” is a slip).
addressee-krasnov = 伊戈尔·克拉斯诺夫先生
    .role = 俄罗斯联邦总检察长
    .salutation = 尊敬的总检察长先生：
    .closing = 谨致敬意！
    .recipient =
        俄罗斯联邦总检察长
        伊戈尔·克拉斯诺夫先生

# The FSB (the source’s “FSS” is a slip): 俄罗斯联邦安全局, with the abbreviation the Chinese press keeps in Latin.
addressee-bortnikov = 亚历山大·博尔特尼科夫先生
    .role = 俄罗斯联邦安全局（FSB）局长
    .salutation = 尊敬的局长先生：
    .closing = 谨致敬意！
    .recipient =
        俄罗斯联邦安全局局长
        亚历山大·博尔特尼科夫先生

# The mission’s name in the form Chinese gives permanent missions in Geneva (常驻联合国日内瓦办事处和其他国际组织
# 代表团). The letter is addressed to the Permanent Representative.
addressee-mission-geneva = 俄罗斯联邦常驻联合国日内瓦办事处和其他国际组织代表团
    .role = 瑞士
    .salutation = 尊敬的常驻代表阁下：
    .closing = 谨向阁下致以最崇高的敬意。
    .recipient =
        俄罗斯联邦常驻联合国日内瓦办事处
        和其他国际组织代表阁下

# “In Brussels”, as the source has it, parallel to 日内瓦; .role prints the country. The letter is addressed to the
# Ambassador.
addressee-embassy-brussels = 俄罗斯联邦驻布鲁塞尔大使馆
    .role = 比利时
    .salutation = 尊敬的大使阁下：
    .closing = 谨向阁下致以最崇高的敬意。
    .recipient =
        俄罗斯联邦驻比利时王国
        特命全权大使阁下
