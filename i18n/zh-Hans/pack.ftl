### 简体中文（zh-Hans）：名称、标题页、标签和页脚。
### Conventions for this locale (keep them when you edit; the reasons are in docs/translations/zh-Hans.md):
###   formal written Chinese (公文/新闻书面语); full-width punctuation ，。、；：？！（）, per GB/T 15834-2011;
###   quotation marks “ ” (nested ‘ ’), never 「」 or straight quotes; book title marks 《》 for laws, codes and
###   the Covenant, never for the “undesirable organisations” law, which has no official short title;
###   no space between Han characters and Latin letters, digits or punctuation (PRC official and Xinhua usage),
###   except where X needs one (after a handle, between hashtags);
###   Arabic numerals for dates, amounts and article numbers (2025年5月19日、15000卢布、第20.33条), without grouping;
###   Russian names in Xinhua transliteration, given name and surname joined by the middle dot · (U+00B7).

## Terms

# Amnesty International’s own Chinese name (its Chinese-language site and mainland usage).
-amnesty = 国际特赦组织
# “Human rights defenders” is 人权维护者 in UN Chinese (the Special Rapporteur on the situation of human rights
# defenders: 人权维护者处境问题特别报告员).
-observatory = 观察组织
-observatory-full = 保护人权维护者观察组织

## The document

language-name = 简体中文
pack-title = 俄罗斯联邦：{ -amnesty }被列为“不受欢迎组织”
pack-subtitle = { -observatory-full }紧急呼吁
pack-subject = 紧急呼吁、当局联系方式及示范信函
pack-author = { -observatory-full }
footer-page = 第{ $page }页，共{ $pages }页
pack-kind = 紧急呼吁
pack-reference = 编号：{ $id }

## Contacts

address-entry = { $name }，{ $role }，{ $contact }
channel-separator = { "；" }
channel-email = 电子邮件：{ $address }
channel-x = X：{ $handle }
channel-postal = 邮寄地址：{ $address }
channel-web = 网上联系表：{ $url }
channel-phone = 电话：{ $number }
addresses-column-addressee = 收件人
addresses-column-contact = 联系方式
addresses-table-description = 每位收件人的姓名、职务及联系方式

## 呼吁的日期（年月日顺序：2025年5月19日）

date = { $year }年{ $month }{ $day }日
    .january = 1月
    .february = 2月
    .march = 3月
    .april = 4月
    .may = 5月
    .june = 6月
    .july = 7月
    .august = 8月
    .september = 9月
    .october = 10月
    .november = 11月
    .december = 12月
pack-issued = 发布日期：{ $date }
pack-act-before = 请在{ $date }之前采取行动

web-act-now = 立即行动
web-send-letter = 发送这封信
web-post-on-x = 在X上发帖
web-copy-letter = 复制信件
web-read-online = 在线阅读
