"""The codes of every attribute family and the English and Thai wording that signals each.

This module is the one place where the codes are defined (DESIGN.md lists
them) and where their vocabulary lives. Each table maps a code to a one-line
meaning and the regular-expression fragments, English and Thai together,
that state it. Matching is case-insensitive over normalized clause text;
English fragments carry their own word boundaries, Thai ones cannot (Thai
has no spaces between words).
"""

from __future__ import annotations

Table = dict[str, tuple[str, tuple[str, ...]]]


def in_thai(word: str) -> str:
    """A Latin-script term as Thai text uses it, next to Thai letters ("ชื่อ E-mail เบอร์โทร")."""
    return f"(?:(?<=[ก-๙])|(?<=[ก-๙] )){word}|{word}(?=\\s?[ก-๙])"

RIGHTS: Table = {
    "access": (
        "see the data held, or get a copy of it",
        (r"(?<!limit )(?<!restrict )\baccess(?:ing)? (?:to )?(?:the |your |any |all )?(?:personal |such )?(?:data|information|records)",
         r"\baccess(?:ing)?(?:(?:,| and| or|, or|, and) (?:correct|edit|update|delete|download|export|rectify)\w*){1,3}\b", r"\b(?:see|view|review) what (?:personal )?(?:data|information)\b", r"\baccess(?=(?:,? (?:or |and )?[\w-]+){0,4} requests?\b)",
         r"\b(?:request|obtain|receive) (?:\w+ ){0,2}(?:details|information) (?:on|about) (?:the )?(?:specific|categories|personal)\b",
         r"\bright (?:of|to) access\b", r"\b(?:obtain|request|receive|get|download) (?:a |an electronic )?cop(?:y|ies)\b",
         r"\bconfirm(?:ation)? (?:of )?whether\b", r"\bright to know\b", r"\bknow (?:what|which) (?:personal )?(?:data|information)",
         r"\bsubject access\b", r"\baccess request", r"\b(?:request|download|obtain)(?: and download)? (?:an? )?archive of\b", r"\brequest access\b", r"\b(?:review|inspect|see|view)(?:,? (?:and |or )?\w+)? (?:all (?:of )?)?(?:your|their|the)(?: own| child's| student's)? (?:\w+ ){0,2}(?:information|data|records|details|profile|account)\b",
         r"\bdisclose (?:to you )?the categories\b", r"\bspecific pieces\b",
         "ขอเข้าถึง", "สิทธิ(?:ใน(?:การ)?)?(?:ขอ)?เข้าถึง", "ขอรับสำเนา", "ขอสำเนา", "ขอดูข้อมูล", "ดาวน์โหลดสำเนา", "ตรวจสอบ(?:(?:หรือ|และ)\\S{1,8})?ข้อมูล"),
    ),
    "rectification": (
        "correct or update inaccurate data",
        (r"\brectif(?:y|ied|ication)\b(?! (?:security|issues|problems|bugs))", r"\bcorrect(?:ion|ing|ed)?\b(?! (?:manner|way))", r"\bupdate (?:them|it)\b", r"\bfix (?:anything|any|errors|mistakes)\b",
         r"\bupdat(?:e|ing) (?:your |any |the |inaccurate |incomplete )(?:\w+ )?(?:personal |account |profile |contact )?(?:data|information|details|profile|records?|address|name)\b",
         r"\bedit(?:ing)? (?:your |their |basic |the )?(?:\w+ )?(?:data|information|details|profile|account)",
         r"\binaccurate\b", r"\bincomplete (?:personal )?(?:data|information)", r"\bamend\b",
         "(?<!ฉบับ)แก้ไข(?!นโยบาย|ประกาศ|เปลี่ยนแปลง|เพิ่มเติม|ช่องโหว่|\\s*\\[?(?:การ)?(?:ตั้งค่า|กำหนดค่า))", "ไม่ถูกต้อง", "ปรับปรุงข้อมูล", "ข้อมูล(?:ส่วนบุคคล)?(?:ของท่าน)?ถูกต้อง", "เป็นปัจจุบัน", "สิทธิในการแก้ไข"),
    ),
    "erasure": (
        "have data deleted",
        (r"\beras(?:e|ed|ure|ing)\b", r"\b(?:to |can |may |or |and )delete (?:it|them|their|your|the (?:data|information))\b", r"\bask(?: us)? to delete\b", r"\bright to be forgotten\b", r"\bright to delet", r"\b(?:request|ask)(?: us)? (?:to |that we |the )?delet",
         r"(?<!\bwe )\bdelet(?:e|ing|ion of) (?:your |their |the )?(?:personal|account|data|information|records?|profile)\b", r"\bdeletion(?=(?:,? (?:or |and )?[\w-]+){0,4} requests?\b)",
         r"\bhave (?:your |their |any |all |the )?(?:personal )?(?:data|information)(?: [\w'’]+){0,5}? (?:deleted|erased)\b", r"\brequest (?:its|their|the) (?:deletion|erasure)\b", r"\b(?:you|users?) (?:\w+ )?delete (?:an? |the |your )?(?:it|them|posts?|content|comments?|messages?|photos?|files?)\b",
         r"\b(?:initiat\w+|start\w*|request\w*) (?:the |an? |your )?(?:account )?deletion\b", r"\bdeletion is (?:initiated|started|requested)\b", r"\baccount deletion (?:process|feature|tool|option|page|request)",
         r"\b(?:access|correct|rectify|update|edit)(?:ing)?(?:,| or| and|, or|, and) (?:\w+(?:,| or| and|, or|, and) )?(?:delet|eras|remov)(?:e|ing)\b",
         r"\bhave (?:your |their )?(?:personal )?(?:data|information) deleted\b",
         r"\b(?:you|users?|customers?|members?) (?:can|may|could|are able to|have the option to|want to|wish to)(?: [\w'’]+){0,6}? (?:delete|erase|remove)\b(?! (?:\w+ )?cookies?\b)", r"\bdelete (?:it|them|these|this) yourself\b", r"\bplease delete\b",
         r"\b(?:can|may|could|able to) (?:\w+ ){0,2}(?:close|delete|deactivate) (?:your |their )?accounts?\b",
         r"\bremov(?:e|al of),? (?:\w+ ){0,3}?(?:content|information|data|posts?)\b", r"\bclear(?:ing)? (?:your )?(?:browser |app )?(?:data|history|cache|storage)\b",
         "ขอให้ลบ", "ลบหรือทำลาย", "(?:เข้าถึง|แก้ไข)\\s?ลบ", "เริ่ม(?:ต้น)?การลบ", "ขั้นตอนการลบ", "(?<!เรา)สามารถลบ(?:ออก)?ได้", "ล้างข้อมูล", "ลบบัญชี", "ลบข้อมูล", "สิทธิในการลบ", "สิทธิลบ", "ขอลบ", "ให้ลบข้อมูล", "ทำให้ข้อมูล(?:ส่วนบุคคล)?(?:ของท่าน)?เป็นข้อมูลที่ไม่สามารถระบุ"),
    ),
    "restriction": (
        "restrict or suspend processing",
        (r"\brestrict(?:ion)? (?:of |on |the |our |how we )?(?:the )?(?:processing|use)", r"\brestrict(?:ion)?\b.{0,40}\bprocessing\b",
         r"\bright to restrict", r"\brestrict(?: or \w+(?: to)?)? how we (?:use|process)\b", r"\blimit (?:the )?(?:use|processing) of (?:your )?(?:sensitive )?(?:personal )?", r"\blimit (?:our |the )?(?:use|processing)\b",
         "ระงับการใช้", "ระงับการประมวลผล", "จำกัดการใช้", "จำกัดการประมวลผล"),
    ),
    "portability": (
        "receive data in a machine-readable format or have it sent to another controller",
        (r"\bportab", r"\bmachine[- ]readable\b", r"\b(?:CSV|JSON|XML)\b", r"\bstructured, commonly used\b", r"\b(?:transmit|transfer|port) (?:it|them|your (?:personal )?(?:data|information)) (?:directly )?to another",
         r"\bexport (?:a copy of )?your (?:personal )?(?:data|information|content)", r"\bexport (?:features?|functions?|tools?)\b", r"\bdownload (?:an? )?archive\b", r"\bexport(?:ing)? (?:a |your |the )?(?:\w+ )?(?:data|content|certificates?|files?|history)\b",
         r"\b(?:delete|erase|correct|access)(?:,| or| and|, or|, and) export\b", "ลบ\\s?ส่งออก", "โอนย้ายข้อมูล", "อ่านหรือใช้งานโดยทั่วไปได้ด้วยเครื่องมือ", "ใช้งานได้โดยทั่วไป", "ส่งหรือโอนข้อมูล\\S{0,40}ไปยัง", "สิทธิ(?:ใน(?:การ)?)?ขอรับข้อมูล", "(?<!คำ)ขอให้ส่งข้อมูล"),
    ),
    "objection": (
        "object to processing",
        (r"\bobject(?:ion)?\b(?! of)", r"\bright to oppose\b", "คัดค้าน(?!คำขอ|คำสั่ง)",
         r"\bprevent (?:\w+ ){0,2}(?:data )?collection\b", r"\bcontrol (?:\w+ )?(?:ads|advertising)\b", r"\b(?:turn on|enable|set) (?:\w+ ){0,2}do not track\b",
                  r"\b(?:manag|updat|adjust|chang|control)(?:e|es|ing) (?:your |the )?(?:[\w-]+ ){0,3}(?:data collection|(?:data|diagnostic|usage|telemetry) sharing)\b",
         "จัดการการ(?:แชร์|ส่ง|รวบรวม)",
         "(?:มิ|ไม่)ให้มีการรวบรวม", "ควบคุมโฆษณา", "เปิด[^.]{0,15}อย่าติดตาม"),
    ),
    "withdraw_consent": (
        "withdraw consent given earlier",
        (r"\bwithdraw(?:al|ing|n)? (?:of )?(?:your |their |this |that |such |any |all )?consent", r"\bright (?:of|to) withdraw(?:al)?\b", r"\bchange your mind\b", r"\brevok(?:e|ing) (?:your |their )?consent",
         r"\bconsent\b.{0,40}\b(?:withdraw|revoke)", "ถอนความยินยอม", "เพิกถอนความยินยอม"),
    ),
    "complaint": (
        "lodge a complaint with a regulator",
        (r"\b(?:lodge|file|make|submit|bring) (?:a )?complaint (?:with|to) (?:a |the |your |our )?(?:\w+ ){0,3}(?:authorit|regulator|commission|ombudsman|PDPC|ICO\b|attorney|DPA\b)",
         r"\bcomplain\w*\b.{0,60}\b(?:authorit|regulator|commission|ombudsman|PDPC|ICO\b|attorney general|DPA\b)", r"\bright to (?:lodge a )?complain", r"\b(?:contact|reach out to|refer (?:\w+ ){1,3}to) (?:your |the |a )?(?:relevant |local |competent |state |EU )*(?:supervisory authorit|data protection authorit|attorney general)",
         "ร้องเรียน.{0,60}(?:คณะกรรมการ|สำนักงาน|หน่วยงานกำกับ|ผู้มีอำนาจ)", "สิทธิ(?:ใน(?:การ)?)?(?:ยื่น)?(?:ข้อ)?ร้องเรียน"),
    ),
    "opt_out_sale": (
        "opt out of the sale or sharing of personal information",
        (r"\bopt[- ]out of (?:the )?(?:\w+ )?(?:sale|selling|sharing)", r"\blimit (?:our |the )?sharing\b", r"\bdo not sell(?: or share)? my\b", r"\bright to opt[- ]out\b(?! of (?:\w+ ){0,2}(?:profiling|processing|analytics|targeted|tracking))", r"\bGPC\b", r"\bGlobal Privacy Control\b",
         r"\bdirect us not to sell\b", r"\bopt-?out\b.{0,80}\b(?:stop (?:sharing|selling)|sale|selling)\b", "ไม่ขายข้อมูล(?:ส่วนบุคคล)?ของฉัน", "ปฏิเสธการขาย", "ไม่ให้(?:มีการ)?(?:แบ่งปัน|ขาย)"),
    ),
    "opt_out_marketing": (
        "stop receiving marketing",
        (r"\bunsubscrib", r"\bopt(?:ing)?[- ]out of (?:\w+ ){0,3}(?:marketing|promotional|newsletter|advertising|commercial)",
         r"\bstop receiving (?:\w+ ){0,2}(?:marketing|promotional|newsletter|offers)", r"\bmarketing preferences\b",
         r"\bno longer (?:wish|want) to receive\b", r"\bopt(?:ing)?[- ]out\b(?=(?:(?!shar|sale|sell).){0,80}(?:marketing|promotional|newsletter|offers))",
         r"\bto opt[- ]out of receiving\b", r"\bwithdraw\w* (?:your )?consent (?:to|for) (?:\w+ )?(?:marketing|promotional|newsletters?)\b", r"\bstop receiving\b", r"\breply STOP\b", r"\b(?:refuse|decline) to receive\b", r"\bobject\b.{0,60}\bmarketing\b",
         "ยกเลิกการรับ(?:ข่าวสาร|ข้อมูล|อีเมล|การแจ้ง|ข้อความ)", "ยกเลิกการสมัคร", "ปฏิเสธการรับ(?:ข่าวสาร|ข้อมูล)",
         "ไม่ประสงค์(?:จะ)?รับ", "ไม่ต้องการรับ(?:ข่าวสาร|ข้อมูล|ข้อความ|อีเมล|ข้อเสนอ|SMS)", "ปฏิเสธการรับ", "ยกเลิกการรับ", "แจ้งยกเลิก"),
    ),
    "non_discrimination": (
        "no unfair treatment for exercising rights",
        (r"\bdiscriminat", r"\bretaliat", r"\b(?:no|not (?:result in |suffer )?any) disadvantages?\b", "เลือกปฏิบัติ"),
    ),
    "automated_decision": (
        "not be subject to decisions made solely by automated means",
        (r"\bautomated (?:individual )?decision", r"\bsolely (?:on |by )?automated\b", r"\bprofiling\b.{0,60}\b(?:legal|significant)\b",
         "การตัดสินใจโดยอัตโนมัติ", "ตัดสินใจอัตโนมัติ", "ประมวลผลโดยอัตโนมัติ", "ระบบอัตโนมัติ"),
    ),
}

DATA_TYPES: Table = {
    "contact": (
        "e-mail address, phone number, postal address",
        (r"(?<!designated )(?<!\bour )(?<!following )(?<!this )\be-?mail address", r"\bnames? (?:and|or) e-?mails?\b", r"\byour (?:postal |home |mailing )?address\b(?! book)", r"\b(?:tele)?phone numbers?\b", r"\bmobile (?:phone )?numbers?\b", r"\bcontact (?:details|information|data|info)\b",
         r"\b(?:postal|mailing|billing|shipping|delivery|home|residential) address", r"\bfax\b",
         "(?=อีเมล)(?<!ทาง)(?<!ส่ง)(?<!ระบบ)(?<!หรือ)(?<!รับ)(?<!บริการ)(?<!จัดการ)(?<!ท้าย)(?<!อย่าง)(?<!ผ่าน)(?<!ค่า)อีเมล(?!เชิง|ทุก|ทางการตลาด|โฆษณา|แจ้งเตือน|ของเรา|\\s*[A-Za-z0-9._%+-]+@|\\s*:)", "ที่อยู่อีเมล", in_thai("E-?mail"), "เบอร์โทร", "หมายเลขโทรศัพท์", "โทรศัพท์มือถือ", "ข้อมูล(?:การ|สำหรับ(?:การ)?)?ติดต่อ",
         "ที่อยู่(?:ทางไปรษณีย์|สำหรับจัดส่ง|ในการจัดส่ง|สำหรับติดต่อ|ตามทะเบียนบ้าน|ที่ติดต่อได้|ปัจจุบัน)", "รายละเอียดการติดต่อ"),
    ),
    "identity": (
        "name, date of birth, signature, photo of the person",
        (r"\b(?=(?:full |first |last |legal |your )?names?\b)(?<!own )(?<!company )(?<!brand )(?<!business )(?<!device )(?<!project )(?<!domain )(?<!file )(?<!browser )(?<!account )(?<!product )(?<!host )(?<!official )(?<!user )(?<!app )(?<!application )\b(?:full |first |last |legal |your )?names?\b(?! of (?:the|our|your (?:browser|device|smartphone|phone)))", r"\bdates? of birth\b", r"\bbirth ?dates?\b", r"(?<!electronic )(?<!digital )(?<!cryptographic )(?<!the )\bsignatures?\b",
         r"\b(?:photo|photograph|picture)s? of (?:you|yourself)\b", r"\byour (?:photo|photograph|picture)s?\b", r"\bavatars?\b",
         r"(?<!verify )(?<!verifying )(?<!confirm )(?<!confirming )(?<!prove )\byour identity\b", r"\bselfies?\b", r"\bprofile (?:photo|picture)s?\b", r"\bidentity (?:data|information|details)\b",
         "(?<!เ)(?<!ลง)(?<!ไม่ระบุ)ชื่อ(?!เสียง|ผู้ใช้|อุปกรณ์|โครงการ|โดเมน|ไฟล์|บัญชี)", "นามสกุล", "วันเดือนปีเกิด", "วันเกิด", "ลายมือชื่อ", "รูปถ่าย", "ภาพถ่าย", "ข้อมูลระบุตัวตน"),
    ),
    "government_id": (
        "national ID, passport, driver's licence, social security or tax number",
        (r"\bnational (?:id|identity|identification)\b", r"\bpassports?\b", r"\bdriver'?s'? licen[cs]e", r"\bsocial security\b", r"\bSSN\b",
         r"\btax (?:id|identification|file) ?(?:number)?", r"\bgovernment[- ]issued\b", r"\bid card\b", r"\bidentity card",
         "เลขประจำตัวประชาชน", "บัตรประจำตัวประชาชน", "บัตรประชาชน", "หนังสือเดินทาง", "ใบอนุญาตขับขี่", "ใบขับขี่",
         "เลขประจำตัวผู้เสียภาษี", "พาสปอร์ต"),
    ),
    "financial": (
        "bank account, income, credit history, transaction history",
        (r"\bbank (?:account|details|statement)", r"\bincome\b", r"\bsalary\b", r"\bcredit (?:history|score|rating|report|checks?)", r"\btransaction (?:history|data|details|records|information)", r"\bcommercial information\b",
         r"\bpurchase (?:history|price|records?|information|details)\b", r"\b(?:record|history) of (?:the |your )?purchases\b", r"\bpurchases you(?:'ve| have)? made\b",
         r"\bfinancial (?:information|data|details|records|accounts?)", r"\baccount numbers?\b", r"\bpurchase history\b",
         "บัญชีธนาคาร", "เลขที่บัญชี", "รายได้", "เงินเดือน", "ประวัติเครดิต", "ข้อมูลทางการเงิน", "ประวัติการทำธุรกรรม", "ข้อมูลธุรกรรม",
         "ข้อมูลการชำระเงิน", "ประวัติการซื้อ", "สินเชื่อ", "ทางการเงิน", "ประวัติการชำระเงิน"),
    ),
    "payment_card": (
        "credit or debit card details",
        (r"\b(?:credit|debit|payment|bank) cards?\b(?! processing)", r"\bpayment (?:information|info|details|data|specifics)\b", r"\bdigits of (?:your|the) card\b", r"\bcard(?:'s)? expiry\b", r"\bcard (?:number|details|data|information)", r"\bCVV\b", r"\bcardholder",
         "บัตรเครดิต", "บัตรเดบิต", "หมายเลขบัตร", "ข้อมูลบัตร"),
    ),
    "account_credentials": (
        "username and password, login credentials",
        (r"\bpasswords?\b", r"\busernames?\b", r"\b(?:user|account) names?\b", r"\blog-?in (?:credentials|details|information)", r"\bcredentials\b", r"\bsecurity questions?\b", r"\bPINs?\b",
         "รหัสผ่าน", "ชื่อผู้ใช้", "ข้อมูลการเข้าสู่ระบบ"),
    ),
    "device": (
        "device identifiers, model, operating system, browser",
        (r"\bdevice (?:id|identifier|type|model|name|information|data|details|attributes)",
         r"\boperating system (?:type|version|name|information|details)\b", r"\b(?:type|version|name) of (?:your |the )?operating system\b", r"(?<=, )operating systems?\b",
         r"\b(?:information|data|details) (?:about|on|from|regarding) (?:your |the |a |their )?(?:[\w'’]+ )?(?:devices?|smartphones?|operating systems?)\b", r"\b(?:identify|recogni[sz]e|fingerprint)(?:s|ing)? (?:your |the |a |their )?(?:\w+ )?devices?\b",
         r"\b(?:online|mobile) identifiers?\b", r"\b(?:smartphone|phone|device|handset) (?:models?|versions?|makes?)\b", r"\b(?:name|version|type) of (?:your |the )?(?:smartphone|phone|device|browser)(?: application)?\b", r"\bbrowser (?:type|version|information|settings)",
         r"\badvertising (?:id|identifier)", r"\bIMEI\b", r"\b(?:IDFA|AAID|MAC address)\b", r"\bunique (?:device |mobile )identifiers?", r"\bunique identifiers?\b(?! (?:of|for) )",
         r"\bhardware (?:model|information)", r"\bmobile network information\b",
         "(?:ข้อมูล(?:ใน|ของ|เกี่ยวกับ)?|รุ่น(?:ของ)?|รหัส(?:ประจำ)?|ประเภท(?:ของ)?|หมายเลข(?:ประจำ)?|ชนิด(?:ของ)?)อุปกรณ์", "รหัสโฆษณา", "ชื่ออุปกรณ์",
         # the operating system as data, not a named one that acts ("ระบบปฏิบัติการ Firefox จะเชื่อมต่อ...") nor a feature of it
         "(?<!รองรับ)(?<!ของ)ระบบปฏิบัติการ(?!\\s*[A-Za-z])(?!ของ(?:คุณ|ท่าน))",
         # the browser as data ("ประเภทเบราว์เซอร์"), not the browser one sets or clears
         "(?<!ล้าง)(?:ประเภท|ชนิด|รุ่น|เวอร์ชัน|ข้อมูล)(?:ของ)?เบราว์เซอร์", "รหัสประจำอุปกรณ์"),
    ),
    "network_ip": (
        "IP address and network data",
        (r"\bIP address", r"\bInternet Protocol\b", r"\bIP\b", "ที่อยู่ไอพี", "หมายเลขไอพี", "ไอพีแอดเดรส"),
    ),
    "location": (
        "precise or approximate location",
        (r"(?<!residence )\b(?:geo-?)?location\b(?! of (?:the|a|an|our|its|their|any|each)\b)", r"\b(?=(?:geo-?)?locations\b)(?<!variety of )(?<!various )(?<!multiple )(?<!different )(?<!other )(?<!many )(?<!several )(?<!\bour )(?<!\ball )\b(?:geo-?)?locations\b",
         r"\bGPS\b", r"\bgeolocation", r"\bgeotag", r"\bwhere you are\b(?! located)", r"\bcoordinates\b",
         r"\bgeographic(?:al)? (?:regions?|locations?|areas?|data|information)\b", r"\b(?:approximate|general|rough) (?:region|area)s?\b", r"\bregions? from which\b",
         r"\b(?:when and where|where and when)\b", r"\bmovements?\b", r"\bpick-?ups?(?:/| and | or |, )drop-?offs?\b", r"\bpick-?up (?:locations?|points?|address(?:es)?)\b",
         "ตำแหน่ง(?!งาน)", "พิกัด", "จุดรับ", "(?:ภูมิภาค|พื้นที่)โดยประมาณ", "(?:ข้อมูล|ตำแหน่ง)ที่ตั้ง", "ที่ตั้งของ(?:ท่าน|คุณ|อุปกรณ์)"),
    ),
    "usage": (
        "activity on the service: pages, clicks, features, searches, logs",
        (r"\busage (?:data|information|details|patterns|statistics)", r"\bpages? (?:you )?(?:view|visit)", r"\bpage ?views\b", r"\bclicks\b", r"\bclickstream", r"\bbrowsing (?:history|activit(?:y|ies)|behaviou?r|data)",
         r"\bnetwork activity\b", r"\bonline activit(?:y|ies)\b", r"\btelemetry\b", r"\breferr(?:al|ing|er) (?:data|sites?|URLs?|pages?|websites?|domains?)\b",
         r"\bdate and time of (?:your |the )?(?:access|visit|request|retrieval)", r"\byour visits? to\b", r"\b(?:web|site|website) traffic\b", r"\banaly[sz](?:e|ing) traffic\b",
         r"\b(?:information|data|details|statistics) (?:about|on|regarding|relating to) (?:your |their |users'? |the )?use of\b",
         r"\b(?:track|understand|analy[sz]e|measure|monitor)(?:s|ing)? (?:\w+ ){0,2}usage\b", r"\b(?:aggregated?|anonymous|app|service|site|website) usage\b",
         r"\b(?:actions|steps) (?:that )?(?!we\b)(?:\w+ ){0,3}?(?:you|users?|visitors|members|administrators) (?:take|took|perform|performed)\b",
         r"\bsearch (?:history|queries|terms)", r"\bquery data\b", r"\b(?:server |access |activity |usage |hosting |error |web )logs?\b", r"\blog (?:data|files|information)", r"\binteractions with\b", r"\bads you (?:viewed|clicked|saw|see)\b",
         # interaction, metrics and traffic data; what the browser sends with each visit is log data (guide decision 23)
         r"\binteraction (?:data|information)\b", r"\b(?:app |web |usage )?metric(?:s)? data\b", r"\b(?:app|web|usage) metrics\b", r"\btraffic data\b", r"\busage (?:analytics|tracker|tracking)\b",
         r"\b(?:information|data) about (?:your |their |the )?visits?\b", r"\b(?:information|data) (?:that )?your browser sends\b", r"\b(?:network|device|internet|online)(?: or (?:\w+ ){1,2})? activity\b",
         r"\bactivity on (?:our |the |\w+['’]s )(?:websites?|services?|sites?|apps?|platform)\b",
         r"\bfeatures you use\b", r"\bhow (?:[\w-]+ )?(?:you|users|learners|players|visitors|customers|people|students|readers) (?:use|interact|play|navigate)\b", r"\b(?:reading|listening|viewing|watch|browsing|play) history\b",
         r"\bgameplay\b", r"\btime (?:spent|you spend)\b", r"\bhow long you spend\b",
         "ข้อมูลการใช้งาน", "ประวัติการใช้งาน", "ประวัติการค้นหา", "ประวัติการเข้าชม", "การเข้าชม", "ข้อมูลจราจรทางคอมพิวเตอร์",
         "พฤติกรรมการใช้", "(?<!บ)ล็อก", "การคลิก", "ปริมาณการใช้", "(?:เข้าใจ|วิเคราะห์|ติดตาม)การใช้งาน",
         "ข้อมูล(?:ทางเทคนิคและ)?ปฏิสัมพันธ์", "ข้อมูลบันทึก", "บันทึก(?:การ)?(?:โฮสต์|เซิร์ฟเวอร์)", "(?:ข้อมูล|ประวัติ)การ(?:สืบค้น|ค้นหา)", "ประวัติการ(?:อ่าน|ดู|ฟัง|เล่น|ท่องเว็บ)",
         "ข้อมูลที่เบราว์เซอร์(?:ของ(?:คุณ|ท่าน))?ส่ง", "(?:วิธี|การ)ที่(?:ผู้เยี่ยมชม|ผู้ใช้|คุณ|ท่าน)ใช้(?:งาน)?(?:เว็บไซต์|แอป|บริการ)", "หน้า(?:เว็บ)?ที่\\S{0,10}เยี่ยมชม"),
    ),
    "cookies": (
        "cookies, pixels, web beacons and similar trackers",
        (r"\bcookies?\b(?! (?:policy|notice|statement)\b)", r"\bpixels?(?: tags?)?\b", r"\bweb beacons?\b", r"\bclear gifs?\b", r"\btracking technologies\b", r"\blocal storage\b",
         "คุกกี้", "เว็บบีคอน", "พิกเซล"),
    ),
    "communications": (
        "content of messages, calls, chats with the service",
        (r"\b(?:call|voice) recordings?\b", r"\bcalls? (?:may be|are|is|will be) recorded\b", r"\brecordings? of (?:the |your )?calls?\b", r"\brecord(?:ings? of)? (?:our |your )?(?:phone |telephone )?calls\b", r"\bchat (?:transcripts|logs|messages|history)",
         r"\bcontents? of (?:your )?(?:messages?|communications?|e-?mails?)", r"\be-?mail messages?\b", r"\b(?:messages|attachments) (?:that )?you (?:provide|send|submit)\b", r"\bcorrespondence\b", r"\bmessages you send\b", r"\bcommunications? (?:with|between) (?:us|you)",
         r"\bcall detail records\b", r"\b(?:user |your )feedback\b", r"\bfeedback (?:that )?you (?:provide|give|send|submit)\b", r"\b(?:support|help) (?:requests?|tickets?)\b", "บันทึกเสียง", "การสนทนา", "ข้อความที่ท่านส่ง", "เนื้อหาของข้อความ", "บันทึกการสนทนา", "(?:ข้อมูล|เนื้อหา|บันทึก)(?:การ)?ติดต่อสื่อสาร",
         "(?:ข้อความ|ประวัติการ|บันทึกการ)แช[ตท]", "ประวัติการโทร", "ระยะเวลาการโทร", "ไฟล์เสียง", "ไฟล์แนบ", "การติดต่อ(?:ทางอีเมล|ส่วนตัว)", "การโต้ตอบ", "ข้อเสนอแนะจากผู้ใช้", r"\baudio recordings?\b"),
    ),
    "demographic": (
        "age, gender, nationality, marital status, education",
        (r"\bgender\b", r"\bsex\b", r"\b(?=age\b)(?<!years of )(?<!minimum )(?<!the )(?<!that )(?<!this )(?<!under )(?<!over )(?<!below )age\b(?! (?:of|under|limit|requirement|threshold|verification)\b)", r"\bnationality\b", r"\bmarital status\b", r"\beducation(?:al)? (?:level|background|history|information)",
         r"\bdemographic", r"\bethnicity\b",
         "เพศ", "(?<!หมด)(?<!กลุ่ม)(?<!เกณฑ์)(?<!มี)อายุ(?!ความ|สูงสุด|การใช้งาน)(?!\\s*(?:ต่ำกว่า|ไม่ถึง|ไม่เกิน|ไม่ต่ำกว่า|ตั้งแต่|เกิน|น้อยกว่า|ครบ|มากกว่า|ระหว่าง|กว่า|[0-9๐-๙]))", "สัญชาติ", "สถานภาพการสมรส", "สถานภาพสมรส", "ระดับการศึกษา", "ประวัติการศึกษา", "ข้อมูลประชากร"),
    ),
    "employment": (
        "job title, employer, work history, CV",
        (r"\bjob titles?\b", r"(?<=, )employer\b", r"\bemployer(?:'s)? (?:name|details|information)\b", r"\b(?:job title|occupation|position),? (?:and |or )?employer\b",
         r"\bcompany name\b", r"\b(?:job|employment|internship) applications?\b", r"\bapplicant (?:information|data|details)\b", r"\bemployment[- ]related\b", r"\bbackground check (?:information|results|data)\b", r"\binterview (?:information|notes|data)\b", r"\bemployment (?:history|information|details|status)", r"\bwork history\b", r"\bCVs?\b", r"\br[ée]sum[ée]s?\b",
         r"\boccupation\b", r"\bprofessional (?:information|background)",
         "อาชีพ", "ตำแหน่งงาน", "(?:ผู้|การ|ใบ)สมัครงาน", "สถานที่ทำงาน", "ประวัติการทำงาน", "นายจ้าง", "ประวัติการจ้างงาน", "ข้อมูลการทำงาน"),
    ),
    "biometric": (
        "fingerprints, face, voice prints",
        (r"\bbiometric", r"\bfingerprints?\b", r"\bface (?:scan|recognition|geometry|id|data)", r"\bfacial (?:recognition|geometry|image|scan|features)", r"\bvoice ?prints?\b", r"\biris\b", r"\bretina",
         "ชีวภาพ", "ชีวมิติ", "ลายนิ้วมือ", "จำลองใบหน้า", "ใบหน้า", "ม่านตา"),
    ),
    "health": (
        "health or medical data",
        (r"(?<!public )\bhealth\b(?! (?:insurance )?(?:portability|and safety|authorit|office|department|agenc|ministr|of\b))",
         r"\btest(?:ed)? (?:results?|positive|negative)\b(?! (?:retrieval|database|feature|function|service)s?\b)", r"\bresults? of (?:a |an |the |your )?(?:\w+ ){0,2}tests?\b", r"\bvaccin", r"\bimmuni[sz]ation", r"\bsymptoms?\b",
         r"\billness(?:es)?\b", r"\binfect(?:ed|ious)\b", r"\bdiseases?\b", r"\bmedications?\b", r"\ballerg(?:y|ies|ic)\b", r"\bpregnan", r"\bmedical\b", r"\bdiagnos(?:is|es|ed)\b(?! keys?\b)", r"\bprescription", r"\bdisabilit", r"\bfitness data\b", r"\bheart[- ]rate\b", r"\bpatient (?:data|information|records?)\b",
         r"\btest results\b", r"\bclinical (?:data|information|records?|notes)\b",
         "สุขภาพ", "ประวัติการรักษา", "ข้อมูลการรักษา", "การรักษาพยาบาล", "ข้อมูลทางการแพทย์", "เวชระเบียน", "ผล(?:การ)?ตรวจ(?!สอบ)", "ความพิการ", "วัคซีน", "(?:อาการ|การเจ็บ)ป่วย", "ติดเชื้อ", "โรคประจำตัว", "แพ้ยา"),
    ),
    "children": (
        "data of or from children",
        (r"\bchild(?:ren)?(?:'s)?\b", r"\bminors\b", r"(?<!be )(?<!are )(?<!is )\bminor\b(?! (?:changes?|updates?|edits?|revisions?|modifications?|amendments?|corrections?|issues?|bugs?)\b)", r"\bkids?\b",
         "เด็ก", "ผู้เยาว์"),
    ),
}

RECIPIENTS: Table = {
    "service_providers": (
        "vendors, processors, contractors acting for the company",
        (r"\bservice providers?\b", r"\b(?=vendors?\b)(?<!advertising )(?<!analytics )(?<!marketing )vendors?\b", r"\b(?:data |sub-?)?processors?\b(?<!payment processor)(?<!payment processors)", r"\bcontractors?\b", r"\bsuppliers?\b",
         r"\bhosting (?:providers?|companies|services)\b", r"\bcloud (?:service |hosting |storage )?providers?\b", r"\bagents?\b(?= (?:who|that|acting))", r"\boutsourc",
         r"\bthird parties (?:that|who) (?:perform|provide) services\b", r"\b(?:uses?|using) (?:a |an )?third[- ]party (?:services?|tools?|vendors?|compan(?:y|ies))\b", r"\b(?:its|our|their) agents?\b", r"\b(?:employ|engage|hire)s? (?:[\w-]+ ){0,2}(?:companies|individuals|firms|contractors)\b", "ว่าจ้าง(?:บริษัท|บุคคลภายนอก)", r"\bthird[- ]party (?:service providers|vendors|platforms)\b",
         r"\bas (?:an? |our |its )?agents?\b", r"\b(?:hosted|powered|run) (?:on|by)\b",
         r"\b(?:Amazon Web Services|AWS|Google Cloud(?: Platform)?|Microsoft Azure|Google Workspace)\b",
         r"(?<!your )\b(?:[\w]+[- ])?(?:check|screening|verification|e-?mail|SMS|hosting|cloud|IT|technology|telecom|storage) providers?\b",
         "(?:โฮสต์|ดูแล)(?:อยู่)?(?:บน|โดย)", "ผู้ให้บริการ(?!\\S{0,15}ของ(?:คุณ|ท่าน))(?!รายอื่น|เหล่านี้|ดังกล่าว|รับชำระ|ชำระเงิน|ด้านการชำระ|โฆษณา|วิเคราะห์|บทวิเคราะห์|ด้านการวิเคราะห์|การวิเคราะห์)", "ผู้ประมวลผลข้อมูล", "คู่สัญญา", "ผู้รับจ้าง", "ผู้ขาย", "ผู้จัดจำหน่าย"),
    ),
    "affiliates": (
        "affiliates, subsidiaries, group companies",
        (r"(?<!non-)(?<!non)\baffiliat", r"\bsubsidiar", r"\bparent compan", r"\bgroup (?:companies|entities|members)", r"\bcompanies (?:with)?in (?:our |the )?(?:\w+ )?group\b", r"\b(?:within|across) (?:our|the) group\b", r"\b(?:members of our|our) group of companies\b", r"\bsister compan",
         "บริษัทในเครือ", "บริษัทย่อย", "กลุ่มบริษัท", "บริษัทในกลุ่ม", "บริษัทแม่", "(?:บริษัท|กิจการ|ธุรกิจ)\\S{0,10}ในเครือ"),
    ),
    "business_partners": (
        "partners, resellers, co-branded offers",
        (r"\b(?:business|marketing|strategic|commercial|trusted|co-marketing|channel|insurance|travel|merchant|retail) partners?\b", r"\b(?=partners?\b)(?<!advertising )(?<!ad )(?<!analytics )(?<!payment )partners?\b(?! with\b)(?! IDs?\b)",
         r"\bresellers?\b", r"\bco-branded\b", r"\bjoint(?:ly)? (?:offer|promotion|venture)", r"\bsponsors?\b",
         "พันธมิตร", "(?<!ID )คู่ค้า", "ตัวแทนจำหน่าย", "ผู้สนับสนุน"),
    ),
    "advertisers": (
        "advertisers and ad networks",
        (r"\badvertis(?:ers?|ing (?:partners|networks|companies|providers|platforms|vendors))\b", r"\badvertising,? (?:\w+,? )?(?:or|and) (?:\w+ )?(?:vendors|partners|providers|companies)\b", r"\bad (?:networks?|partners|tech|exchanges?|platforms?)\b",
         "ผู้ลงโฆษณา", "เครือข่ายโฆษณา", "พันธมิตรด้านโฆษณา", "ผู้ให้บริการโฆษณา"),
    ),
    "analytics_providers": (
        "analytics services",
        (r"\banalytics? (?:providers?|services?|partners?|companies|tools?|vendors|products?|cookies|SDKs?)\b", r"\b(?:third[- ]party|web) analytics\b", r"\banalytics and (?:\w+ )?(?:partners|providers|companies|vendors)\b", r"\bGoogle Analytics\b", r"\bAdobe Analytics\b", r"\bMixpanel\b", r"\bFirebase Analytics\b",
         "ผู้ให้บริการ(?:บท)?วิเคราะห์", "ผู้ให้บริการด้านการวิเคราะห์", "ผู้ให้บริการการวิเคราะห์", "(?:บริการ|ระบบ|เครื่องมือ)วิเคราะห์\\S{0,20}(?:บุคคลภายนอก|ภายนอก)"),
    ),
    "payment_processors": (
        "payment processors, card networks, banks handling payments",
        (r"\bpayment (?:processors?|providers?|service providers?|gateways?|processing (?:partners|companies|services))", r"\b(?:credit )?card processing\b", r"\b(?:transactions?|payments?) (?:\w+ ){0,4}(?:handled|processed) by\b", "(?:ธุรกรรม|การชำระเงิน)\\S{0,30}ดำเนินการโดย", r"\bStripe\b", r"\bPayPal\b", r"\bAdyen\b", r"\bBraintree\b",
         "ผู้ให้บริการชำระเงิน", "ผู้ให้บริการรับชำระเงิน", "ผู้ให้บริการด้านการชำระเงิน", "ระบบชำระเงิน", "ผู้ประมวลผลการชำระเงิน"),
    ),
    "authorities": (
        "law enforcement, courts, regulators, government agencies",
        (r"\blaw enforcement\b", r"\bpolice\b", r"\bcourts?\b(?! of justice)", r"\bregulat(?:ors?\b|ory (?:authorit|bod|agenc))", r"\bgovernment(?:al)? (?:agenc|authorit|bod|officials|entities|requests?)",
         r"\bpublic authorit", r"\b(?=(?:health|security|state|federal|public|local) )(?<!data protection )(?<!supervisory )(?:health|security|state|federal|public|local) (?:authorit(?:y|ies)|offices?)\b", r"\b(?:tax|competent|judicial|border|customs|immigration) (?:control )?authorit", r"\bcustoms\b", r"\bimmigration\b", r"\bsubpoena", r"\blegal process\b", r"\bcourt order",
         "หน่วยงานราชการ", "หน่วยงานของรัฐ", "รัฐบาล", r"\bgovernments\b", "หน่วยงานรัฐ", "หน่วยงานที่มีอำนาจ", "หน่วยงานกำกับ(?:ดูแล)?(?!\\S{0,20}กำหนด)", "เจ้าหน้าที่ตำรวจ", "ตำรวจ", "ศาล(?!ยุติธรรมแห่งสหภาพ)", "พนักงานเจ้าหน้าที่",
         "หน่วยงานภาครัฐ", "หน่วยงานผู้มีอำนาจ", "กรมสรรพากร", "สำนักงาน ?ป\\.ป\\.ง", "ธนาคารแห่งประเทศไทย", "หน่วยงานบังคับใช้กฎหมาย", "ตรวจคนเข้าเมือง", "ศุลกากร", "ตรวจเงินแผ่นดิน"),
    ),
    "acquirer": (
        "a buyer or successor in a merger or acquisition",
        (r"\bmerger", r"\bacquisition", r"\bacquir(?:er|ed|ing)\b", r"\bsale of (?:all or )?(?:a portion of |part of |substantially all )?(?:our|the company)",
         r"\b(?:buyers?|purchasers?|successors?)\b", r"\breorgani[sz]ation\b", r"\bbankruptcy\b",
         "ควบรวม", "การเข้าซื้อ", "ผู้ซื้อกิจการ", "การโอนกิจการ", "ผู้รับโอนกิจการ", "ขายกิจการ", "ปรับโครงสร้าง"),
    ),
    "public": (
        "made publicly visible",
        (r"\bpublic(?:ly)? (?:visible|available|accessible|profiles?)\b", r"\b(?:share[sd]?|sharing|disclos(?:e|ed|ing)|shown?|display(?:ed)?|visible|available|accessible|made)\b[^.;]{0,60}?\bthe public\b(?! keys?)", r"\b(?:are|is) public\b", r"\bpublicly (?:visible|displayed|posted|shared|accessible)\b", r"\bvisible to (?:the public|anyone|everyone|all)", r"\bmade public\b", r"\banyone can see\b", r"\b(?:all|any) internet users\b", r"\b(?:share|shared|disclosed|displayed|available|posted|listed|published) publicly\b", r"\bshare (?:\w+ ){1,3}publicly\b", r"\b(?:are|is) (?:always |also )public\b",
         r"\bpublic (?:\w+ )?(?:issues|posts|comments|repositor(?:y|ies))\b", r"\bmake (?:\w+ ){0,2}public\b",
         r"(?:accessible|available|visible|disclosed|shown) to the public\b", r"\bindexed by search engines\b", r"\bpublish(?:es|ed|ing)? (?:\w+ ){0,3}(?:statistics|data|information|content|requests?|profiles?|comments?)\b",
         "(?:ต่อ|แก่|สู่|ให้)สาธารณ(?:ะ|ชน)", "(?:คน|บุคคล)ทั่วไป(?:อาจ|จะ|สามารถ)?(?:เข้ามา)?(?:ดู|เห็น|เข้าถึง|ทราบ)", "ผู้ใช้อินเทอร์เน็ต(?:ทั้งหมด|ทุกคน)", "บุคคลทั่วไปสามารถมองเห็น", "(?:แบบ|เป็น)สาธารณะ", "เปิดเผยต่อสาธารณ", "(?:แสดง|เปิดเผย|เผยแพร่)อย่างเปิดเผย", "ทุกคน(?:สามารถ)?(?:มองเห็น|เห็น|เข้าถึง)", "เผยแพร่\\S{0,60}(?:บนเว็บไซต์|สื่อสังคมออนไลน์|เพจ)"),
    ),
    "other_users": (
        "other users of the service",
        (r"\bother (?:app )?(?:users|members|players|participants|customers|riders|drivers|passengers|guests|hosts|students|contributors)\b(?!['’])", r"\b(?:site|page|blog|group|community|channel|workspace) (?:owners?|administrators?|admins?)\b",
         r"\badministrators?(?:\(s\))? of (?:the|a|that|this) (?:site|page|blog|group|community)\b", r"\bcommunity members\b", r"\b(?:your )?followers\b", r"\bvisible to (?:your )?(?:friends|followers|contacts)\b",
         "(?:ผู้ใช้|สมาชิก|ผู้เล่น)(?:งาน|บริการ)?(?:คน|ราย)?อื่น"),
    ),
}

PURPOSES: Table = {
    "service_provision": (
        "provide, operate and maintain the service; fulfil orders; manage accounts",
        (r"\bto (?:provide|deliver|operate|maintain|run|perform|supply|offer) (?:and \w+ )?(?:you (?:with )?)?(?:our |the |these |its )?(?:\w+ )?(?:services?|products?|platform|app|website|features|contract|infrastructure|systems?|functionality)",
         r"\b(?:provide|provision of|providing|delivering|operating|operation of) (?:the |our |their |its )?(?:services?|platform|app)",
         # "to provide, secure and improve the app", "for providing and improving the Service": verbs joined by commas or "and" share one object
         r"\b(?:provid|operat|maintain|deliver|facilitat|perform)(?:e|es|ing)?(?:(?:,| and| or|, and|, or) \w+){0,3} (?:the |our |its |your |this )?(?:services?|products?|platform|app|site|website)\b",
         r"(?<!performance and )\b(?:essential |basic |core )?functionality\b", r"\b(?:enabl|offer|power)\w* (?:\w+ ){0,2}(?:features|functions)\b",
         # the service kept working and available: "so that the site continues to work as expected", "to make the app available"
         r"\b(?:work|works|working|function|functions|functioning) (?:properly|correctly|as (?:expected|intended)|smoothly|reliably)\b", r"\bproper (?:functioning|operation)\b",
         r"\b(?:services?|app|site|website|platform) (?:remains?|stays?) available\b", r"\bmak(?:e|es|ing) (?:the |our |its )?(?:services?|app|site|website|platform) available\b",
         r"\bfor the (?:operation|functioning|running) of\b", r"\b(?:business|service) continuity\b", r"\bfacilitat(?:e|es|ing) (?:the |your )?(?:\w+ ){0,2}process\b", r"\border processing\b",
         r"\btechnical operation\b", r"\bkeep (?:the |our )?(?:services?|app|platform|site|website) up to date\b", r"\border fulfil+ment\b",
         r"\bsign[- ]?(?:in|on)\b", r"\blog(?:s|ged)? you in\b", r"\bkeep you logged in\b", r"(?<!factor )(?<!step )\bauthenticat(?:e|es|ion|ing)\b", r"\baccount management\b",
         r"\bcreat(?:e|ing) (?:a |your )?(?:user )?profile\b", r"\btroubleshoot", r"\b(?:fix|fixing|resolv(?:e|ing)|debug(?:ging)?|repair(?:ing)?|investigat(?:e|ing)|diagnos(?:e|ing)|eliminat(?:e|ing))\b (?:\w+ ){0,4}(?:issues|problems|errors|bugs|defects|crash(?:es)?|faults)\b", r"\bfulfil+(?:ing|ment)? (?:of )?(?:your |an? |the |our )?(?:orders?|purchases?|bookings?|subscriptions?|contract)", r"\b(?:complete|completing|manage|managing) (?:your )?(?:\w+ )?(?:bookings?|orders?|reservations?|trips?)\b", r"\bprocess(?:ing)? (?:your )?orders?\b", r"\borders? (?:can be |is |are )?fulfil+ed\b",
         r"\b(?:create|set up|manage|administer|maintain|open(?:ing)?) (?:and \w+ )?(?:an |your )?accounts?\b", r"\bperform(?:ance of)? (?:a |our |the )?contract", r"\bdeliver(?:y of)? (?:your )?(?:orders?|parcels?|purchases?|food|items?)",
         r"\bbook(?:ing|ings)?\b(?= (?:your|a|the))", r"\b(?:your|a|the|make|making|manage|managing) reservations?\b",
         "เพื่อให้บริการ", "ในการให้บริการ", "ให้บริการแก่ท่าน", "ออกบัตรโดยสาร", "ออกกรมธรรม์", "ปฏิบัติตามสัญญา", "การจัดส่ง", "จัดส่งสินค้า", "ดำเนินการตามคำสั่งซื้อ",
         "สร้างบัญชี", "จัดการบัญชี", "เปิดบัญชี", "ตั้งค่าบัญชี", "ลงทะเบียน", "(?<!ใน)(?<!คุณภาพ)การให้บริการ", "ส่งมอบ(?:ผลิตภัณฑ์|บริการ|สินค้า)", "การลงชื่อเข้าใช้", "เข้าสู่ระบบ",
         "(?<!ประสิทธิภาพและ)การทำงานของ(?:สินค้า|บริการ|เว็บไซต์|แอป|ระบบ)", "เพื่อการทำงาน", "การทำงานที่เหมาะสม", "ทำงาน(?:ได้)?(?:อย่าง)?(?:ถูกต้อง|ตามที่คาด|เป็นปกติ|ตามปกติ|ราบรื่น)",
         "อำนวยความสะดวก(?:ใน(?:การ)?)?(?:บริการ|การใช้|การให้บริการ)", "ตรวจสอบ(?:และแก้ไข)?ปัญหา", "(?:มอบ|นำเสนอ|เปิดใช้งาน)คุณ(?:สมบัติ|ลักษณะ)", "จัดส่ง", "จัดการเดินทาง", "โฮสติ้ง", r"\bhosting\b", "การจอง", "การเดินทางของท่าน"),
    ),
    "billing": (
        "payments, invoicing, collection",
        (r"\bbilling\b(?! (?:address|date|information|details|cycle|period))", r"\binvoicing\b", r"\b(?:send|issue|generate|prepare)(?:ing)? (?:you )?invoices?\b",
         r"\bprocess(?:ing)? (?:\w+ ){0,2}(?:payments?|transactions?|refunds?)", r"\bpayment purposes\b", r"\b(?:send|email)(?:ing)? (?:you )?(?:\w+ )?receipts?\b",
         r"\bverify (?:your )?payments?\b", r"\bpayments? integration\b", r"\b(?:credit )?card processing\b", r"\bpayments? (?:are|is) processed\b", r"\bcollect(?:ing)? payments?\b", r"\bcharg(?:e|ing) you\b",
         r"\bpayment processing\b", r"\brefunds?\b", r"\bbill(?:ing)? you\b",
         "(?<!รับ)(?<!ข้อมูลการ)ชำระเงิน", "ชำระค่า", "เรียกเก็บเงิน", "ออกใบแจ้งหนี้", "ใบกำกับภาษี", "ใบเสร็จ", "คืนเงิน", "การเรียกเก็บ"),
    ),
    "support": (
        "customer support and enquiries",
        (r"\b(?:customer|technical|user) (?:support|service)\b(?! (?:team|staff|agents?|representatives?|department)\b)", r"\brespond(?:ing)? to (?:your )?(?:inquiries|enquiries|questions|support requests|comments|feedback|complaints)",
         r"\bsupport (?:matters?|tickets?|ticketing|questions?)\b", r"\brespond(?:ing)?(?: to| and \w+)? (?:your |the )?(?:reported )?(?:problems|issues)\b", r"\bto respond to your requests?\b(?! (?:within|to exercise))", r"\bassist\w* (?:\S+ ){0,3}support team\b", r"\bassist (?:you|users|the \w+ owner)\b",
         r"\bhelp (?:you )?(?:with|resolve)", r"\banswer(?:ing)? (?:your )?(?:enquiries|inquiries|questions?)", r"\brespond(?:ing)? to your (?:messages?|e-?mails?|questions?)\b",
         r"\bsupport (?:reasons|purposes)\b", r"\bhandl(?:e|ing) (?:your )?(?:requests|enquiries|inquiries|questions|complaints)\b", r"\b(?:offer|provid)(?:e|es|ing)? (?:\w+ )?support\b", r"\bresolve your (?:tickets?|issues?|problems?|requests?)\b", r"\bsupport requests?\b", r"\bassist(?:ance)? (?:you )?with\b",
         "ตอบข้อซักถาม", "ตอบสนอง(?:และตรวจสอบ)?(?:ปัญหา|คำขอ|คำร้อง)", "ตอบข้อสงสัย", "ตอบคำถาม", "ตอบกลับ", "ข้อร้องเรียน", "(?<!ผู้)(?<!อาสา)ให้ความช่วยเหลือ", "บริการลูกค้า", "ศูนย์บริการลูกค้า", "การสนับสนุน", "แก้ไขปัญหา", "ติดต่อสอบถาม"),
    ),
    "security_fraud": (
        "security, fraud and abuse prevention",
        (r"\bfraud", r"\babuse\b", r"\bspam\b", r"\b(?:fake|counterfeit|forged|manipulated)\b", r"\bmalware\b", r"\bvulnerabilit", r"\battacks?\b",
         r"\b(?:security|safety) (?:purposes|reasons|needs|services|alerts)\b", r"\bfor (?:security|safety)\b", r"\b(?:secure|safeguard)(?:s|ing)? (?:and \w+ )?(?:our|the)\b", r"\b(?:maintain|improve)(?:s|ing)? (?:\w+ )?safety\b", r"\bmoney laundering\b(?! (?:regulations?|laws?|acts?|rules))", r"\bmalicious\b", r"\bsecurity purposes\b", r"\bsecurity and fraud\b",
         r"\b(?:keep|protect|maintain|ensure|safeguard)(?:ing)? (?:the )?(?:security|safety|integrity) of (?:our|the) (?:services?|platform|systems?|network|accounts?|users|community|app)",
         r"\b(?:secure|securing|protect|protecting) (?:our|the|your) (?:services?|platform|systems?|network|accounts?)\b", r"\b(?:prevent|detect)(?:ing)? (?:and (?:prevent|detect)(?:ing)? )?(?:unauthori[sz]ed|fraud|crime|illegal|security incidents|misuse|cheating)",
         r"\bprotect(?:s|ing)? (?:against\b|(?:\w+ ){0,3}(?:rights,? (?:\w+ ){0,2}(?:property|safety)|property|safety)\b)",
         r"\bsecur(?:e|ing) (?!and )(?:\w+ ){0,2}(?:access|accounts?|infrastructure|log-?ins?)\b", r"\b(?:detect|prevent|identify|investigat|stop)\w* (?:\w+ ){0,2}(?:suspicious|harmful|prohibited|illegal|unlawful)\b",
         r"\b(?:content |community )?moderat(?:e|ion|ing)\b", r"\btrust and safety\b", r"\benforc(?:e|ing) (?:our |the )?(?:\w+ )?(?:policies|terms|rules)\b", r"\bsafety of (?:our )?(?:users|riders|drivers|players|customers|community)",
         "ทุจริต", "ฉ้อโกง", "ฟอกเงิน", "สวมสิทธิ", "แอบอ้าง", "ปลอมแปลง", "เพื่อความปลอดภัย", "เพื่อรักษาความปลอดภัย(?:ของ(?:ระบบ|บริการ|บัญชี|ผู้ใช้))", "ป้องกัน(?:และตรวจจับ)?(?:การ)?(?:ทุจริต|ฉ้อโกง|เข้าถึงโดยไม่ได้รับอนุญาต|ภัย|อันตราย|อาชญากรรม|การกระทำผิด)", "ไม่สุจริต", "ปกป้อง(?:สิทธิ|ทรัพย์สิน|ความปลอดภัย)",
         "ความปลอดภัยของ(?:ระบบ|บริการ|ผู้ใช้|บัญชี)"),
    ),
    "legal_compliance": (
        "complying with law, legal claims and legal process",
        (r"\bcomply(?:ing)? with (?:our |any |the |applicable |all )?(?:\S+ ){0,8}?(?:legal|laws?|regulat|obligations|tax|court|statutory)",
         r"\blaw enforcement (?:purposes?|investigations?)\b", r"\bregulatory compliance\b", r"\blegal (?:or|and) (?:contractual|regulatory) obligations?\b",
         r"\brequests? to exercise (?:\w+ )?rights\b", r"\bprotect(?:s|ing)? (?:\w+ ){0,3}(?:rights,? (?:\w+ ){0,2}property|property)\b", r"\b(?:ensure|maintain|for|in) compliance with (?:\w+ ){0,3}(?:law|legal|regulat|obligations)",
         r"\b(?:satisfy|meet|fulfil+) (?:any |our |the |its )?(?:legal|regulatory|accounting|tax|reporting)", r"\blegal (?:obligations?|requirements?|claims?|process|proceedings?|rights)", r"\bcompliance obligations\b", r"\b(?:lawful|valid|legal) (?:requests?|orders?)\b",
         r"(?<!period )(?<!periods )(?<!time )\b(?:required|requires?|mandated) (?:to do so )?by (?:applicable |the )?(?:laws?|regulations?)", r"\bregulatory (?:requirements?|obligations?)", r"\btax (?:obligations|purposes|laws|reporting|requirements)", r"\blegally (?:obliged|required|obligated|bound)\b",
         r"\baccounting (?:obligations|requirements|purposes|laws)", r"\b(?:establish|exercise|defen[cs]e|defend)\b.{0,30}\bclaims?\b", r"\b(?:resolve|resolving|settle|settling|handle|handling) (?:\w+ )?disputes\b", r"\bsubpoena", r"\bcourt orders?\b",
         "ปฏิบัติตาม(?:กฎหมาย|พระราชบัญญัติ|พ\\.?ร\\.?บ|ระเบียบ|ข้อบังคับ|หน้าที่)", "รองรับการตรวจสอบของ", "(?<!ระยะเวลา)ตามที่กฎหมายกำหนด", "หน้าที่ตามกฎหมาย", "ข้อกำหนดตามกฎหมาย", "ก่อตั้งสิทธิเรียกร้อง", "สิทธิเรียกร้องตามกฎหมาย", "ข้อพิพาท",
         "(?<!ระยะเวลาที่)กฎหมายกำหนด", "คำสั่งศาล", "(?<!กฎหมาย)ภาษีอากร", "(?:ด้าน|ทาง|กฎหมาย|มาตรฐาน)การบัญชี"),
    ),
    "marketing": (
        "marketing, promotions, advertising",
        (r"\bmarketing\b(?! (?:partners?|companies|preferences))", r"\bpromotion(?:s|al)?\b", r"\b(?:show|serve|deliver|display)(?:ing)? (?:you )?(?:\w+ )?(?:ads|advertis\w+)\b",
         r"\b(?:targeted|personali[sz]ed|interest-based|relevant) (?:advertising|ads)\b", r"\badvertising purposes\b", r"\badvertis(?:ing|ements?)\b(?! (?:partners?|networks?|compan\w*|providers?|ID|identifiers?|cookies?|program))", r"\bnewsletters?\b", r"\bspecial offers?\b", r"\boffers\b", r"\bretarget", r"\bads\b",
         "การตลาด", "ส่งเสริมการขาย", "โปรโมชั่น", "โฆษณา", "ข้อเสนอพิเศษ", "สิทธิพิเศษ",
         # news that sells, not any announcement ("ประกาศข่าวสารสำคัญ")
         "ส่งข่าวสาร", "ข่าวสาร(?:และ|หรือ)?(?:โปรโมชั่น|ข้อเสนอ|สิทธิพิเศษ|การตลาด|ผลิตภัณฑ์|สินค้า|กิจกรรม)"),
    ),
    "analytics": (
        "analysis, statistics, measurement",
        (r"\banaly[sz](?:e|es|ing|is)\b", r"(?<!Google )(?<!Adobe )(?<!Firebase )\banalytics?\b(?! (?:and \w+ )?(?:providers?|services?|partners?|compan\w*|tools?|cookies?|products?|opt-out|add-on|SDKs?)\b)",
         r"\bstatistic", r"\bmeasur(?:e|ing|ement)\b", r"\bmetrics\b", r"\binsights\b", r"\bhow many (?:\w+ )?(?:people|users|visitors|times)\b",
         r"\b(?:us|we(?: can)?|them|they) (?:to )?(?:better )?understand\b", r"\bto better understand\b", r"\bmonitor(?:ing)? (?:the )?(?:efficacy|effectiveness|performance|use|usage|how)\b",
         r"\btrack(?:s|ing)? (?:\w+ ){0,2}(?:visitors|visits)\b", r"\bhow (?:\w+ ){0,4}(?:performs?|is performing|(?:is|are) (?:being )?used)\b", r"\b(?:aggregated? into|compil\w+) (?:\w+ )?reports\b",
         r"\b(?:evaluat|assess|understand|measur|track|determin)\w* (?:the )?(?:effectiveness|performance|popularity|reach)\b", r"\beffectiveness of\b", r"\bunderstand how (?:you|users|visitors|people)", r"\bunderstand how (?:\S+ ){0,3}(?:are|is) (?:used|played|read|watched)\b",
         r"\bunderstand\b(?= (?:\S+ ){0,4}?(?:usage|interactions?|engage\w*|trends|traffic|performance)\b)", r"\baudit(?:ing)? (?:our )?(?:usage|traffic)",
         r"\btrends\b", r"\btrack (?:the )?(?:performance|effectiveness)",
         "วิเคราะห์", "สถิติ", "วัดผล", "ประเมินผล", "วัดค่า", "(?:วัด|ประเมิน|เข้าใจ(?:ถึง)?)ประสิทธิภาพ", "เข้าใจ\\S{0,20}(?:การใช้งาน|ปฏิสัมพันธ์|ว่าผู้ใช้)"),
    ),
    "personalization": (
        "personalized content, recommendations, remembering preferences",
        (r"\bpersonali[sz](?!ed (?:ads|advertising))", r"\brecommend(?:ation)?s?\b", r"\btailor", r"\bcustomi[sz]", r"\bremember (?:your )?(?:\w+ ){0,3}(?:preferences|settings|choices|language)", r"\brelevant content\b", r"\b(?:store|storing|save|saving|remember(?:ing)?) (?:your )?(?:\w+ ){0,2}(?:preferences|settings)\b", r"\breflect your interests\b", r"\bmore relevant\b",
         "ปรับแต่ง(?!เอง)", "เฉพาะบุคคล", "ประสบการณ์เฉพาะ", "ปรับ\\S{0,20}ตาม(?:แต่ละ)?(?:ภาษา|ความสนใจ|ความชอบ)", "แนะนำสินค้า", "(?<!ข้อมูล)(?<!โปรแกรม)(?<!ที่)แนะนำ(?!และแคมเปญ)", "(?<!โฆษณาที่)ตรงกับความสนใจ", "จดจำการตั้งค่า", "ตรงความต้องการ"),
    ),
    "research": (
        "research and development; improving products and services",
        (r"\bresearch\b", r"\bimprov(?:e|ing|ement of) (?:and \w+ )?(?:our |the )?(?:\w+ )?(?:services?|products?|platform|app|website|features|offerings|experience)", r"\bdevelop(?:ing|ment of)? (?:new )?(?:products|services|features)",
         r"\bproduct development\b", r"\btrain(?:ing)? (?:our )?(?:models|algorithms)", r"\bdevelop(?:ing|ment of)? (?:the |our )?(?:site|website|app|platform)\b",
         # improving the service, not a campaign or a protection ("to improve our marketing campaigns" is marketing)
         r"\bimprov(?:e|es|ing|ements?)\b(?! (?:\w+ ){0,2}(?:marketing|campaigns?|advertising|ads|protection|security|safety|fundraising)\b)",
         r"\b(?:make|making) (?:\w+ ){0,3}better\b", r"\bmak(?:e|es|ing) (?:\w+ ){0,3}more (?:useful|helpful|effective|efficient|usable)\b", r"\bbetter (?:\w+ )?experiences?\b",
         r"\bfuture development\b", r"\b(?:create|develop|build)(?:s|ing)? new (?:features|products|services|functionality)\b", r"\bfine-tun", r"\btest(?:ing)? (?:new |existing )?(?:features|variations|versions|metrics)",
         "วิจัย", "ปรับปรุง(?!แก้ไข)(?!นโยบาย|ประกาศ|แคมเปญ|การตลาด|โฆษณา|ความปลอดภัย)", "พัฒนา(?!ระบบการระดมทุน)", "ดีขึ้น"),
    ),
    "communication": (
        "service notices, account messages and updates",
        (r"\bsend(?:s|ing)? (?:you )?(?:\w+ )?(?:notices|notifications|updates|alerts|reminders|confirmations|receipts|messages|emails|information about)", r"\bservice[- ](?:related )?(?:announcements|messages|communications|notices)",
         r"\btransactional (?:emails|messages)", r"\bcommunicat(?:e|ing) with (?:you|them|users|applicants|customers)\b", r"\bcontact(?:ing)? you\b", r"\bnotify you\b", r"\b(?:be|are|is) notified\b", r"\bkeep you (?:informed|up to date|updated)\b", r"\binform you\b", r"\btell you about\b",
         "(?:ติดต่อสื่อสาร|ติดต่อ|สื่อสาร)(?:กับ)?(?:คุณ|ท่าน|ผู้สมัคร|ผู้ใช้|ลูกค้า)", "แจ้งข่าวสาร", "แจ้งเตือน", "แจ้ง\\S{0,20}เกี่ยวกับ(?:บัญชี|การเปลี่ยนแปลง|บริการ)", "แจ้งให้ท่านทราบ", "ส่งข้อความ", "การแจ้งข้อมูล", "ติดต่อกลับ"),
    ),
}

SELF_EVIDENT_PURPOSES: Table = {
    "marketing": (
        "marketing messages, which state their purpose by what they are",
        (r"\bmarketing (?:emails?|messages?|communications?|texts?|calls?|SMS)\b", r"\bpromotional (?:emails?|messages?|text messages?|SMS|communications?)\b",
         r"\b(?:show|serve|display)s? (?:you )?(?:\w+ )?ads\b", r"\bsend (?:you )?(?:\w+ )?(?:offers|promotions|newsletters)\b", "เชิงพาณิชย์", "เสนอขาย", "SMS ?โฆษณา", "ข้อความโฆษณา", "อีเมลโฆษณา",
         "(?:ข้อความ|อีเมล|SMS) ?(?:ทาง|เพื่อ)?การตลาด"),
    ),
    "billing": ("payments processed for the user", (r"\bpayments? (?:are|is) (?:processed|handled)\b", "การชำระเงิน\\S{0,30}(?:ดำเนินการ|ทำ)ผ่าน")),
    "legal_compliance": ("legal process that compels disclosure", (r"\bsubpoenas?\b", r"\bcourt orders?\b", r"\blegal process\b", r"\blegally (?:obliged|required|obligated|bound)\b",
                                                                   "หมายเรียก", "คำสั่งศาล", "คำสั่งที่ชอบด้วยกฎหมาย", "กฎหมายกำหนดให้(?:เรา|บริษัท)?(?:ต้อง)?(?:ทำ|เปิดเผย|ดำเนินการ)")),
    "communication": (
        "service messages named as such",
        (r"\b(?:order|delivery|shipping|account|service|security|booking|trip) (?:updates|alerts|notifications|confirmations)\b",
         "แจ้งเตือนสถานะ", "ยืนยันคำสั่งซื้อ"),
    ),
}
"""Purpose wording that needs no "to" or "เพื่อ" before it: the phrase is itself the purpose."""

MARKED_PURPOSES: Table = {
    "security_fraud": ("security or safety named as an aim", (r"\bsecurity\b", r"\bsafety\b", r"\bintegrity\b", "ความปลอดภัย")),
    "legal_compliance": ("compliance or law enforcement named as an aim", (r"\bcompliance\b", r"\blaw enforcement\b", "การปฏิบัติตามกฎหมาย")),
}
"""Words too common to be a purpose anywhere, which are one right after a purpose marker.

"to improve security", "for site security purposes", "improve services, security, and
site performance", "เพื่อความปลอดภัย": the word is an aim only as the object of the
marker (or of a short verb after it), not in "our security team" or "data security".
"""

LAWS: Table = {
    "gdpr": ("EU General Data Protection Regulation", (r"(?<!UK )\bGDPR\b", r"(?<!UK )\bGeneral Data Protection Regulation\b", r"\bRegulation \(EU\) 2016/679")),
    "uk_gdpr": ("UK GDPR and Data Protection Act 2018", (r"\bUK GDPR\b", r"\bData Protection Act 2018\b", r"\bUK General Data Protection")),
    "ccpa": ("California Consumer Privacy Act, as amended by the CPRA", (r"\bCCPA\b", r"\bCPRA\b", r"\bCalifornia Consumer Privacy Act\b", r"\bCalifornia Privacy Rights Act\b")),
    "coppa": ("US Children's Online Privacy Protection Act", (r"\bCOPPA\b", r"\bChildren'?s Online Privacy Protection")),
    "hipaa": ("US Health Insurance Portability and Accountability Act", (r"\bHIPAA\b", r"\bHealth Insurance Portability and Accountability Act")),
    "glba": ("US Gramm-Leach-Bliley Act", (r"\bGLBA\b", r"\bGramm[- ]Leach[- ]Bliley")),
    "ferpa": ("US Family Educational Rights and Privacy Act", (r"\bFERPA\b", r"\bFamily Educational Rights and Privacy Act")),
    "pipeda": ("Canada's PIPEDA", (r"\bPIPEDA\b", r"\bPersonal Information Protection and Electronic Documents Act")),
    "lgpd": ("Brazil's Lei Geral de Proteção de Dados", (r"\bLGPD\b", r"\bLei Geral de Prote")),
    "appi": ("Japan's Act on the Protection of Personal Information", (r"\bAPPI\b", r"\bAct on (?:the )?Protection of Personal Information")),
    "pipl": ("China's Personal Information Protection Law", (r"\bPIPL\b", r"\bPersonal Information Protection Law\b")),
    "pdpa_th": (
        "Thailand's Personal Data Protection Act B.E. 2562 (2019)",
        (r"\bPDPA\b(?=.{0,40}(?:Thai|B\.E\.|2562|2019))", r"\bThai(?:land)?(?:'s)? (?:Personal Data Protection Act|PDPA)", r"\bPersonal Data Protection Act,? B\.?E\.? ?2562",
         r"\bPersonal Data Protection Act\b(?=.{0,20}(?:B\.E\.|2562|2019|of Thailand))",
         "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล", "พ\\.?ร\\.?บ\\.? ?คุ้มครองข้อมูลส่วนบุคคล", "กฎหมายคุ้มครองข้อมูลส่วนบุคคล(?:ของ(?:ประเทศ)?ไทย)"),
    ),
    "pdpa_sg": ("Singapore's Personal Data Protection Act 2012", (r"\bSingapore(?:'s)? (?:Personal Data Protection Act|PDPA)", r"\bPersonal Data Protection Act 2012\b", "กฎหมายคุ้มครองข้อมูลส่วนบุคคล\\S{0,10}สิงคโปร์")),
    "pdpa_my": ("Malaysia's Personal Data Protection Act 2010", (r"\bMalaysia(?:n|'s)? (?:Personal Data Protection Act|PDPA)", r"\bPersonal Data Protection Act 2010\b")),
    "vietnam": ("Vietnam's Decree 13/2023 and PDP Law", (r"\bDecree (?:No\.? )?13(?:/2023)?", r"\bVietnam(?:ese)?(?:'s)? (?:Personal Data Protection|PDP|data protection)", r"\b13/2023/N[ĐD]-CP\b",
                                                                            "กฎหมาย\\S{0,30}เวียดนาม", "พระราชกฤษฎีกา\\S{0,10}13")),
    "australia_privacy_act": ("Australia's Privacy Act 1988", (r"\bPrivacy Act 1988\b", r"\bAustralian Privacy Principles\b", r"\bAustralia(?:n|'s)? Privacy Act")),
    "eprivacy": ("EU ePrivacy Directive / PECR", (r"\be-?Privacy Directive\b", r"\bPECR\b", r"\bPrivacy and Electronic Communications Regulations")),
    "caloppa": ("California Online Privacy Protection Act", (r"\bCalOPPA\b", r"\bCalifornia Online Privacy Protection Act")),
    "can_spam": ("US CAN-SPAM Act", (r"\bCAN-SPAM\b",)),
}

TRANSFER_MECHANISMS: Table = {
    "scc": ("standard contractual clauses", (r"\bstandard (?:data protection |contractual )(?:clauses|arrangements|terms)\b", r"\bSCCs?\b", r"\bmodel (?:contract(?:ual)? )?clauses\b",
                                              "ข้อสัญญามาตรฐาน", "สัญญามาตรฐาน")),
    "adequacy": ("adequacy decision", (r"(?<!no )\badequacy (?:decision|finding|regulation)s?\b", r"(?<!not )(?<!not have )(?<!lack )(?<!no )\badequate (?:level of )?(?:data )?protection\b(?! standards)", r"\bdeemed adequate\b", r"(?<!no )\badequacy\b",
                                        "(?<!ไม่มี)มาตรฐานการคุ้มครองข้อมูลส่วนบุคคลที่เพียงพอ", "มาตรฐานที่เพียงพอ", "ระดับการคุ้มครองที่เพียงพอ", "การคุ้มครองที่เพียงพอ")),
    "bcr": ("binding corporate rules", (r"\bbinding corporate rules\b", r"\bBCR(?:s|-P)?\b",
                                        "นโยบาย(?:ใน(?:การ)?)?คุ้มครองข้อมูลส่วนบุคคล.{0,60}(?:เครือกิจการ|ในเครือ|กลุ่มบริษัท)", "กฎเกณฑ์ภายในกลุ่ม")),
    "consent": ("the user's consent to the transfer", (r"\b(?:with|based on|on the basis of|rely on) your (?:explicit )?consent\b", r"\bconsent to (?:the |such |this )?transfer", r"\bagree to (?:\w+ ){0,6}transfer", "ยินยอม\\S{0,10}โอน",
                                                        r"\bexplicit consent\b", r"\b(?:obtain|ask for|seek|request) your (?:\w+ )?consent\b", "ได้รับความยินยอม", "ความยินยอมจากท่าน", "ความยินยอมของท่าน", "ให้ความยินยอม")),
    "dpf": ("EU-U.S. Data Privacy Framework", (r"\bData Privacy Framework\b", r"\bDPF\b")),
    "privacy_shield": ("EU-U.S. / Swiss-U.S. Privacy Shield", (r"(?<!replaced the )(?<!replaces the )(?<!แทนกรอบ )\bPrivacy Shield\b(?! เดิม| (?:which|that) (?:was|has been) (?:invalidated|replaced))",)),
}

SECURITY_MEASURES: Table = {
    "encryption_transit": ("encrypted in transit: TLS, SSL, HTTPS", (r"\bTLS\b", r"\bSSL\b", r"\bHTTPS\b", r"\bTransport Layer Security\b", r"\bSecure Sockets? Layer\b", r"\bin transit\b", r"\bencrypted (?:connection|channel)",
                                                                     # "transmitted to the server in encrypted form": encryption said of sending
                                                                     r"\b(?:transmi(?:t|ts|tted|tting|ssion)|transferr?(?:ed|ing)?|sent|sending|upload(?:ed|ing)?)\b[^.;]{0,50}?\bencrypt",
                                                                     r"\bencrypt\w*\b[^.;]{0,30}?\b(?:transmi(?:t|ts|tted|tting|ssion)|transferr?(?:ed|ing)?|sent|upload(?:ed|ing)?)\b",
                                                                     "(?:ส่ง|รับส่ง|โอน)\\S{0,30}เข้ารหัส", "เข้ารหัส\\S{0,30}(?:ระหว่าง)?(?:การ)?(?:ส่ง|รับส่ง|โอน)",
                                                                     "ระหว่างการส่ง", "ระหว่างการรับส่ง", "ระหว่างการโอน")),
    "encryption_rest": ("encrypted at rest or in storage", (r"\bat rest\b", r"\bencrypted (?:in|on) (?:our |the )?(?:database|server|storage|disk)s?\b", r"\bto encrypted\b", r"\bencrypted (?:storage|databases?|disks?)", r"\bencrypt(?:ed|ion of) (?:stored|all stored)",
                                                            # "stored in encrypted form on your smartphone": encryption said of keeping
                                                            r"\b(?:stor(?:e|ed|es|ing)|sav(?:e|ed|es|ing)|kept|held)\b[^.;]{0,40}?\bencrypt", r"\bencrypt\w*\b[^.;]{0,30}?\b(?:stor(?:e|ed|ing|age)|saved)\b",
                                                            r"\bencrypted (?:form |format )?on (?:your |the |a )?(?:device|smartphone|phone|computer|disk|drive)s?\b",
                                                            "ขณะจัดเก็บ", "ระหว่างการจัดเก็บ", "การจัดเก็บแบบเข้ารหัส", "เข้ารหัส\\S{0,10}ไว้ใน", "จัดเก็บ\\S{0,30}เข้ารหัส", "เข้ารหัส\\S{0,20}(?:ที่)?(?:จัดเก็บ|เก็บไว้|บันทึกไว้)")),
    "encryption": ("encryption of unstated scope", (r"\bencrypt", r"\bdecrypt", r"\bcryptograph", r"\bAES(?:-?256)?\b", "เข้ารหัส")),
    "access_control": ("restricted, need-to-know or role-based access", (r"\baccess controls?\b", r"\brestrict(?:s|ed|ing)? access\b", r"\bneed[- ]to[- ]know\b", r"\brole[- ]based access\b",
                                                                         r"\blimit(?:s|ed)? (?:the )?access\b", r"\bonly access\b", r"\b(?:limited number of|only) authori[sz]ed\b", r"\b(?:personnel|staff|employees) (?:does|do|will) not access\b", r"\baccess (?:is|to (?:your |personal |such )?(?:data|information) is) (?:limited|restricted)\b", r"\bleast privilege\b",
                                                                         r"\bauthori[sz]ed (?:personnel|employees|staff) (?:only|who)\b", r"\bonly authori[sz]ed\b",
                                                                         r"\b(?:can|may) only be (?:accessed|viewed|seen|read|retrieved)\b", r"\bonly (?:you|the user|the account holder) (?:can|may|has|have) (?:access|see|view|read|retrieve)",
                                                                         r"\bno ?(?:one|body) (?:else )?(?:can|could|will be able to) (?:access|see|view|read|retrieve)\b", r"\b(?:prevent|block)(?:s|ed|ing)? (?!unauthori)(?:\w+ ){0,2}access\b",
                                                                         r"\b(?:limited|restricted) to (?:\w+ ){0,2}(?:employees|staff|personnel|people|agents)\b", r"\bonly (?:\w+ ){0,4}(?:staff|employees|personnel)\b", r"\b(?:employees|staff|personnel|agents) (?:who|that) need\b", r"\bview only\b",
                                                                         "ควบคุมการเข้าถึง", "จำกัดการเข้าถึง", "เฉพาะ(?:คุณ|ท่าน|ผู้ใช้)(?:เท่านั้น)?ที่(?:สามารถ)?(?:เข้าถึง|ดู|เปิด)", "จำกัดสิทธิการเข้าถึง", "สิทธิในการเข้าถึงข้อมูล", "เฉพาะผู้ที่ได้รับอนุญาต", "เท่าที่จำเป็นต้องรู้")),
    "mfa": ("two-factor or multi-factor authentication", (r"\b(?:two|multi|2)[- ](?:factor|step)\b", r"\bMFA\b", r"\b2FA\b", "การยืนยันตัวตนหลายปัจจัย", "ยืนยันตัวตนสองขั้นตอน", "สองปัจจัย", "หลายปัจจัย")),
    "audits": ("audits, assessments, penetration tests", (r"\baudit", r"\bpenetration test", r"\b(?:annual|regular|periodic|independent|third-party|external|internal|quarterly) (?:\w+ ){0,3}(?:assessments?|audits?)\b", r"\bassessor\b", r"\bvulnerability (?:scan|assessment|test)", r"\bsecurity (?:assessments?|reviews?|testing)\b", r"\brisk assessments?\b",
                                                          "ตรวจสอบ(?:ความปลอดภัย|ระบบ|ช่องโหว่|ภายใน|จากภายนอก|โดยหน่วยงานภายนอก)", "ผู้ตรวจสอบ", "ตรวจประเมิน", "ทดสอบเจาะระบบ", "ประเมินความเสี่ยง", "ประเมินช่องโหว่")),
    "training": ("staff training", (r"\btraining\b", r"\btrained\b", "ฝึกอบรม", "อบรม")),
    "pseudonymization": ("pseudonymize, anonymize, hash, de-identify", (r"\bpseudonym", r"\banonymi[sz]", r"\bde-?identif", r"\bhash(?:ed|ing|es)?\b",
                                                                        # aggregated data, not "the aggregate number of orders" nor "in the aggregate"
                                                                        r"\baggregated\b", r"\baggregat(?:e|es|ing|ion of) (?:the |your |this |such |personal |user )?(?:data|information|statistics)\b",
                                                                        r"\b(?:can|could) no longer be (?:\w+ )?(?:identified|attributed|linked)\b", r"\bre-?identif", r"\banonymously\b", r"(?<!users )(?<!you )\b(?:is|are) anonymous\b(?! (?:\w+ )?(?:data|information|identifiers?|users?)\b)",
                                                                        r"\b(?:cannot|can't|not) (?:be )?(?:linked|traced|tied) back\b", r"\b(?:don['’]t|do not|never) trace (?:it|them|this) back\b",
                                                                        "ไม่ระบุตัวตน", "แบบรวม", "ลดความเสี่ยง\\S{0,30}ระบุตัว",
                                                                        "แฝงข้อมูล", "ทำให้เป็นข้อมูลนิรนาม", "(?:และ|ถูก|เป็น|แบบ)ไม่ระบุชื่อ", "ข้อมูลนิรนาม", "นิรนาม", "ไม่สามารถระบุตัว")),
    "monitoring": ("logging, intrusion detection, monitoring", (r"\bmonitor", r"\bintrusion[- ](?:detection|prevention)", r"\bCCTV\b", r"\blogging\b", r"\b(?:access|accesses|activity|actions) (?:is|are) logged\b", r"\b(?:security|access|audit) logs?\b", r"\blogs (?:\S+ ){0,2}IP address", "บันทึก(?:ที่อยู่ ?IP|หมายเลข ?IP)",
                                                                "เฝ้าระวัง", "ตรวจจับการบุกรุก", "บันทึก(?:ประวัติ)?การเข้าถึง", "ติดตามตรวจสอบ")),
    "firewalls": ("firewalls and network security", (r"\bfirewalls?\b", r"\bnetwork security\b", "ไฟร์วอลล์")),
    "physical_security": ("secured premises and data centres", (r"\bphysical (?:security|safeguards|access|measures|controls)", r"\bphysical,? (?:\w+,? ){1,3}(?:and |or )(?:\w+ )?(?:safeguards|measures|controls)\b", r"\bsecure (?:facilities|premises|data cent(?:er|re)s)", r"\bdata cent(?:er|re)s? (?:with|that)",
                                                                "ทางกายภาพ", "ศูนย์ข้อมูลที่มีความปลอดภัย", "สถานที่ที่ปลอดภัย", "ควบคุมการเข้า-?ออก", "กล้องวงจรปิด", r"\b(?:security )?guards\b")),
    "certification": ("ISO 27001, SOC 2, PCI DSS and similar", (r"\bISO(?:/IEC)? ?270(?:01|17|18)\b", r"\bISO(?:/IEC)? ?27701\b", r"\bSOC ?[123]\b", r"\bPCI[- ]DSS\b", r"\bCSA STAR\b", r"\bHITRUST\b",
                                                                 r"\bcertified (?:to|against) (?:the )?(?:ISO|international (?:security )?standards)")),
    "backups": ("backups", (r"\bback-?ups?\b", r"\bback up\b", r"\bbacked up\b", r"\bdisaster recovery\b", "สำรองข้อมูล", "ข้อมูลสำรอง")),
    "confidentiality": ("staff or processors bound by confidentiality", (r"\bconfidentiality (?:obligations|agreements?|undertakings|commitments|clauses|duties)", r"\bbound by (?:strict )?confidentiality\b",
                                                                         r"\bduty of confidentiality\b", r"\b(?:obligat\w*|bound|required|committed) (?:\w+ ){0,2}not to (?:disclose|share|use)\b", r"\btreat (?:\w+ ){0,3}as confidential\b", r"\b(?:bound|obligat\w*|required|committed)\b[^.;]{0,60}?\bconfidential(?:ity)?\b", r"\bnon-?disclosure agreements?\b", r"\bkeep (?:\w+ ){0,3}confidential\b",
                                                                         "รักษาความลับ", "หน้าที่ในการรักษาความลับ", "หน้าที่(?:ที่จะ)?ไม่เปิดเผย", "ข้อตกลงการรักษาความลับ")),
}

DEADLINE_BOUNDS: Table = {
    "request_response": (
        "answering or acting on a user's request",
        (r"\brequests?\b", r"\bask\b", r"\basks\b", r"\basked\b", r"\brespond", r"\breply\b", r"\bresponse\b", r"\bcomplaints?\b", r"\benquir", r"\binquir", r"\bopt[- ]?outs?\b",
         r"\bcontact(?:s|ing)? us\b", r"\bwithdraw", r"\bquestions?\b",
         "คำขอ", "คำร้อง", "ตอบกลับ", "ข้อร้องเรียน", "ได้รับแจ้ง", "ดำเนินการตาม", "แจ้งมา", "ถอนความยินยอม", "ข้อสงสัย", "ติดต่อ", "ท่าน(?:ได้)?ขอ(?!ง)", "ขอให้", "ยกเลิกการรับ", "แจ้งยกเลิก"),
    ),
    "breach_notification": (
        "notifying users or a regulator of a breach",
        (r"\bbreach", r"\bincident", r"\bunauthori[sz]ed access\b", "ละเมิดข้อมูล", "การละเมิด", "รั่วไหล", "เหตุละเมิด"),
    ),
    "change_notice": (
        "notice before a change takes effect",
        (r"\bchanges?\b", r"\bamend", r"\bupdat(?:e|es|ed)\b.{0,40}\b(?:policy|notice|terms)", r"\b(?:policy|notice|terms)\b.{0,60}\b(?:effect|effective)",
         r"\bbefore (?:they|it|the changes?) (?:take|takes|become) effect",
         "เปลี่ยนแปลง", "แก้ไขนโยบาย", "แก้ไขประกาศ", "มีผลบังคับใช้", "ปรับปรุงนโยบาย", "ปรับปรุงประกาศ"),
    ),
}

RETENTION_TERMS: Table = {
    "indefinite": ("kept with no end", (r"\bindefinite(?:ly)?\b", r"\b(?:kept|retained|stored|keep|retain|store|held|remain|archived)\b[^.;]{0,40}\bpermanent(?:ly)?\b(?! (?:delet|eras|remov|destr))",
                                        r"\bpermanent(?:ly)? (?:kept|retained|stored|archived)\b", r"\bpermanent records?\b", r"\bno (?:set|fixed|specific) (?:retention )?period\b", r"\bforever\b",
                                        "ไม่มีกำหนด", "ตลอดไป", "เก็บ\\S{0,30}อย่างถาวร", "โดยไม่มีกำหนดระยะเวลา")),
    "as_long_as_necessary": ("as long as needed for the purposes", (r"\b(?:as|so) long as (?:is |it is |they are |we |reasonably |strictly )*(?:necessary|needed|required|reasonably necessary)\b(?! by)(?! (?:under|to comply))",
                                                                    r"\bno longer than (?:is )?(?:necessary|needed)", r"\bonly for as long as (?:is |it is )?(?:necessary|needed|required)(?! by)",
                                                                    r"\bfor the (?:period|time) (?:necessary|needed|required) (?:to|for)\b", r"\bfor as long as (?:it|we) need\b",
                                                                    r"\bas long as (?:needed|necessary) to\b", r"\bas long as we have a (?:\w+ )?(?:need|purpose|reason)", r"\bno longer (?:needed|necessary|required)\b(?! by)", r"\bas (?:needed|necessary) (?:to|for)\b",
                                                                    r"\b(?:once|as soon as|after) (?:the |its |their |your )?(?:\w+ ){0,4}(?:is|are|has been|have been) (?:complete|completed|finished|fulfilled|achieved|over)\b",
                                                                    r"\b(?:once|as soon as|when) (?:the |its |their |your )?(?:\w+ ){0,4}(?:is|are) no longer (?:displayed|used|needed|in use)\b",
                                                                    r"\b(?:storage|retention) (?:period|duration)s? (?:\w+ )?depends? on (?:the )?purposes?\b", r"\bnot (?:be )?(?:stored|kept|retained) (?:beyond|longer than|after) the end of\b",
                                                                    r"\brequired for (?:business|operational) (?:use|purposes)\b", r"\bbusiness need to (?:retain|keep|maintain)\b",
                                                                    "ไม่(?:ต้องการ|จำเป็นต้อง(?:ใช้)?)ข้อมูล\\S{0,20}(?:แล้ว|อีกต่อไป)", "จน(?:กว่าจะ)?ใช้เสร็จ", "นานกว่า(?:ช่วง)?(?:เวลา|ระยะเวลา)ที่\\S{0,6}(?:จำเป็น|ต้องใช้|ต้องการ)",
                                                                    "เท่าที่จำเป็น", "ตามความจำเป็น", "ระยะเวลาที่จำเป็น", "เท่าที่มีความจำเป็น")),
    "legal_requirement": ("as long as the law requires", (r"\b(?:period|time|duration)s? (?:required|prescribed|set) by\b",r"\b(?:required|requires?|mandated) (?:or permitted )?(?:to do so )?(?:by|under) (?:applicable |the |relevant |local )?(?:laws?|regulations?|legislation|statute)",
                                                          r"\blegally (?:required|obliged|obligated|bound) to (?:keep|retain|maintain|store|preserve)\b",
                                                          r"\blegal (?:retention|obligations?|requirements?)\b", r"\bstatutory (?:retention|periods?|requirements?|obligations?|archiving)\b", r"\bstatute of limitations\b", r"\blimitation periods?\b",
                                                          r"\b(?:tax|accounting|regulatory|record-keeping) (?:laws|obligations|requirements|rules)", r"\blaw requires\b",
                                                          r"\bcomply with (?:our |applicable |the )?(?:legal|regulatory|tax|accounting|laws?\b)",
                                                          "ตามที่กฎหมายกำหนด", "ตามที่(?:กฎหมาย|พ\\.?ร\\.?บ\\.?)[^ ]{0,40}กำหนด", "กฎหมายกำหนด", "อายุความ", "ตามกฎหมาย", "หน้าที่ตามกฎหมาย", "กฎหมาย(?:จะ)?กำหนดให้\\S{0,10}เก็บ")),
    "account_lifetime": ("while the account is active", (r"\b(?:as long as|while|for as long as|so long as) (?:your|the) (?:\w+ ){0,2}(?:account|membership|subscription) (?:is|remains) (?:active|open)",
                                                         r"\buntil you (?:delete|close|deactivate|cancel) (?:your )?(?:account|membership|subscription)", r"\buntil you (?:\w+ )?(?:delete|remove|uninstall|clear)s? (?:it|them|this|these|the app)\b",
                                                         r"\b(?:as long as|while|until) (?:the |our |your )?app (?:is|remains) installed\b", r"\buntil (?:it is |they are )?(?:deleted|removed) by you\b", r"\bfor the (?:life|lifetime|duration) of your (?:account|membership|subscription)",
                                                         r"\bas long as you (?:use|maintain|have) (?:an? |your )?(?:account|the service|our services|membership)",
                                                         # deleted with the account or the app, or kept unless removed (decision 26)
                                                         r"\b(?:unless|until) (?:it is |they are |otherwise )?(?:removed|deleted)\b",
                                                         r"\b(?:removing|deleting|uninstalling) the app\b[^.;]{0,30}?\b(?:delet|remov|eras)", "(?:เว้นแต่|จนกว่า)(?:จะ)?(?:ถูก)?ลบ",
                                                         "(?:ตลอดระยะเวลา|ตราบเท่า|ระหว่าง|ในระหว่าง)ที่\\S{0,20}?(?:ยังคง|ยัง)?(?:เป็นสมาชิก|เป็นลูกค้า|ใช้บริการ|มีบัญชี|มีผลบังคับ)",
                                                         "จนกว่า(?:ท่าน|คุณ)จะ(?:ยกเลิก|ปิด|ลบ)(?:บัญชี|การเป็นสมาชิก|การใช้บริการ|ข้อมูล|แอป)", "ตราบเท่าที่(?:แอป\\S{0,10}|ยัง)ติดตั้ง")),
}

RETENTION_CUES = (
    r"\bretain", r"\bretention\b", r"\bkeep(?!s? (?:\w+ ){0,4}(?:confidential|secure|safe|private|informed|up to date))(?!s? track)",
    r"\bkept\b(?! (?:confidential|secure|safe|private))", r"\bstor(?:e|ed|es|ing|age)\b", r"\bdelet", r"\berase", r"\bpurg", r"\barchiv", r"\bdestroy",
    r"\bdispos", r"\bremov(?:e|ed)\b", r"\bhold\b", r"\bheld\b", r"\bmaintain(?:ed)?\b", r"\bexpire", r"\bremain", r"\bpersist", r"\banonymi[sz]",
    "เก็บรักษา", "เก็บ(?!รวบรวม)(?=\\S{0,40}?(?:ไว้|เป็นระยะเวลา|เป็นเวลา|นาน))", "ลบ", "ทำลาย", "ระยะเวลา(?:การ|ใน(?:การ)?)?เก็บ", "จัดเก็บ", "หมดอายุ", "ทำให้เป็นข้อมูลที่ไม่สามารถระบุ",
)
"""Words that make a duration in a clause a retention period."""

DEADLINE_CUES = (
    r"\bwithin\b", r"\bno later than\b", r"\bnot later than\b", r"\bat least\b(?=.{0,30}\b(?:before|prior|in advance|notice))", r"\bin advance\b", r"\bprior to\b", r"\bbefore\b",
    r"\bwithout undue delay\b", r"\bextended (?:by|to|for)\b", r"\bby an? (?:additional|further)\b", r"\bup to\b(?=.{0,30}(?:respond|process|take effect))", r"\btake(?:s)? up to\b", r"\bextend (?:this|the|that)",
    "ภายใน", "ล่วงหน้า", "ไม่เกิน", "ไม่ช้ากว่า", "ก่อน",
)
"""Words just before a duration that make it a time limit."""

USER_AGENCY = (
    r"\byou(?:r)? (?:can|could|may|might|have|has|are entitled|will be able|also have|also can|right)", r"\bright(?:s)?\b", r"\brequest", r"\bentitled\b", r"\byou (?:wish|want|would like)",
    r"\b(?:users|customers|individuals|residents|consumers|members|parents|guardians|data subjects|visitors|patients|players|you) (?:can|may|have)\b",
    r"\bcan (?:view|see|access|download|request|ask|delete|correct|update|export|change)\b", r"\bif you\b", r"\bto (?:exercise|use)\b",
    r"\bby (?:clicking|contacting|visiting|emailing|writing|calling|going|following|using|selecting|changing|adjusting|updating)\b", r"\bask us\b", r"\bcontact us\b", r"\bopt[- ]out\b", r"\bunsubscrib",
    r"\byou (?:do not|don't) (?:want|wish)\b", r"\bat any time\b", r"^\s*(?:reply|click|tap|select|visit|go to|use|email|call|text|write|contact)\b", r"^\s*(?:[-•*]|\(?[a-z0-9]{1,3}[.)])?\s*(?:the )?right\b", r"\bsettings\b",
    r"\bclear(?:ing)? your\b", r"\bplease\b",  r"\bcan be (?:deleted|removed)\b",
    r"\baccount deletion\b", r"\b(?:choose|choosing|decide|elect) to\b", r"\b(?:offer|give|provide)s? you (?:\w+ ){0,3}(?:methods?|ways?|tools?|options?|controls?|the ability)\b", r"\byourself\b", "สิทธิ", "ขอ(?!ง)", "สามารถ", "ท่านอาจ", "ติดต่อ", "ยกเลิก", "ถอน", "ล้างข้อมูล", "เลือกที่จะไม่", "การตั้งค่า", "ขั้นตอนการลบ", "เริ่ม(?:ต้น)?การลบ", "(?:คุณ|ท่าน)เลือก",
)
"""Words that make a rights term a right of the user rather than something the company does."""

AGE_CONTEXT = (r"\bage", r"\bold\b", r"\b(?:players|users|people|persons|individuals|anyone|consumers|customers|students|members|those|visitors|learners) (?:under|over|aged)\b", r"\bchild", r"\bminor", r"\bkids?\b", r"\bteen", r"\bparent", r"\byoung", r"\bor older\b", r"\bbirthday",
               r"\b(?:be|are|is) (?:at least|over|under)\b",
               "อายุ", "เด็ก", "ผู้เยาว์", "บรรลุนิติภาวะ", "ผู้ปกครอง", "ปีบริบูรณ์")
"""Words near a number that make it an age."""

DPO_TERMS = (r"\bData Protection Officers?(?: ?\(DPO\))?", r"\bDPO\b", r"\bPrivacy Officer\b", r"\bChief Privacy Officer\b",
             "เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล(?: ?\\(DPO\\))?", "เจ้าหน้าที่คุ้มครองข้อมูล")
"""Mentions of a data protection officer (``contacts`` of kind ``dpo``)."""

PHONE_CONTEXT = (r"\bcall\b", r"\bphone\b", r"\btel\b", r"\btelephone\b", r"\bhotline\b", r"\btoll[- ]free\b", r"\bfax\b", r"\bmobile\b", r"\bdial\b", r"\bcontact\b", r"\bline\b", r"\bnumber\b",
                 "โทร", "สายด่วน", "หมายเลข", "เบอร์", "ติดต่อ", "Call Center", "คอลเซ็นเตอร์")
"""Words that make a short number (e.g. a Thai 4-digit hotline) a phone number."""

ADDRESS_TERMS = (r"\b(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|suite|ste|floor|fl|building|bldg|tower|plaza|way|court|ct|place|pl|highway|P\.?O\.? Box|square|parkway|pkwy|view|quay|crescent|close|green|rue|strasse|straße|via|calle)\b\.?", r"#\d+-\d+",
                 "ถนน", "ถ\\.", "ซอย", "ซ\\.", "แขวง", "เขต", "ตำบล", "ต\\.", "อำเภอ", "อ\\.", "จังหวัด", "จ\\.", "อาคาร", "ชั้น", "เลขที่", "หมู่", "กรุงเทพ")
"""Words that mark a postal address."""
