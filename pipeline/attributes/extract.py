"""Extract every attribute family from a clause: the table of extractors and the stage function.

Each family has one extractor, registered by name in :data:`EXTRACTORS`; the
vocabulary they read is in :mod:`pipeline.attributes.vocabulary`. Extractors
read the normalized clause text (``text_norm``) and apply English and Thai
wording alike, so a Thai clause that names "GDPR" or "Cookies" in English is
read correctly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pandas as pd

from .ages import extract_age_thresholds
from .contacts import extract_contacts
from .matching import codes_in, compiled, mentions
from .periods import extract_deadlines, extract_retention
from .vocabulary import (
    DATA_TYPES,
    LAWS,
    MARKED_PURPOSES,
    PURPOSES,
    RECIPIENTS,
    RIGHTS,
    SECURITY_MEASURES,
    SELF_EVIDENT_PURPOSES,
    TRANSFER_MECHANISMS,
    USER_AGENCY,
    Table,
)

_SECURITY_CONTEXT = (r"\bsecur", r"\bprotect", r"\bsafeguard", r"\bconfidential", r"\bencrypt", r"\bunauthori[sz]ed", r"\bbreach",
                     r"\baudit", r"\bcertif", r"\bISO\b", r"\bSOC\b", r"\bfirewall", r"\banonymi", r"\bpseudonym",
                     "ปลอดภัย", "ป้องกัน", "คุ้มครอง", "ความลับ", "เข้ารหัส", "มาตรการ", "รั่วไหล", "โดยมิชอบ", "ไม่ได้รับอนุญาต")
_PURPOSE_MARKER = re.compile(
    r"\b(?:to|for|in order to|so (?:that|we can)|help(?:s)? us|used? (?:it |them |this |your data )?(?:for|to)|purposes? of|aim(?:ed)? at|as part of)\b"
    r"|เพื่อ|สำหรับ(?!ผู้|บุคคล|ลูกค้า|เด็ก)|ในการ|วัตถุประสงค์|จำเป็น(?:ต่อการ|ต้อง|ที่จะ)|ช่วย(?:ให้)?(?:เรา)?",
    re.IGNORECASE,
)
# "to your account", "to the public": "to" as a preposition, which marks no aim (read where one word alone would be the aim).
_PREPOSITION_TO = re.compile(r"to (?:your|the|our|their|its|a|an|this|that|these|those|us|you|them|it|any|all|other)\b", re.IGNORECASE)
# The aims after one marker form a list ("to provide, secure and improve our Service"): short items between separators.
_LIST_SEPARATOR = re.compile(r"\s*(?:,|\band\b|\bor\b|\bas well as\b|(?<=\s)(?:และ|หรือ|รวมถึง))\s*", re.IGNORECASE)
_LIST_ITEMS, _ITEM_WORDS, _ITEM_CHARS = 8, 6, 40
# "We use your data to connect calls, bill you and tell you about outages": a list of purposes after one "use ... to";
# Thai needs no "to" after "เราใช้" ("เราใช้ที่อยู่ IP ปรับแต่งภาษา").
_PURPOSE_FRAME = re.compile(
    r"\b(?:use[sd]?|using|process(?:es|ed)?|collect(?:s|ed)?|shar(?:e|es|ed)|disclos(?:e|es|ed)|retain(?:s|ed)?|keep|kept)\b[^.;]{0,60}?\b(?:to|for)\b|เพื่อ"
    r"|(?:เรา|บริษัท)(?:ยัง)?(?:อาจ|จะ)?(?:นำ)?ใช้(?!งาน|บริการ|จ่าย)",
    re.IGNORECASE,
)
# A denied use states no purpose: "we do not track you to show ads", "never collects information ... for advertising",
# "we do not create or store lists ... to deliver newsletters", "Mozilla จะไม่ติดตามผู้ใช้เพื่อจัดโฆษณา".
_NEGATED = re.compile(
    r"\b(?:not|never|no longer)\s+(?:\w+\s+)?(?:use[sd]?|using|shar|sell|sold|process|track|collect|disclos|rent|transfer|send|gather|creat|stor(?:e|es|ed|ing)\b|keep)\w*"
    r"|\brefrains?\b(?:\s+\w+){0,2}\s+from\b|ไม่(?:ใช้|นำ|ขาย|แบ่งปัน|ติดตาม|เปิดเผย|ส่ง|เก็บ|สร้าง)",
    re.IGNORECASE,
)
_STATEMENT_JOIN = re.compile(r",?\s*\b(?:but|and|while|whereas|however)\s+(?=we\b|it\b|they\b|our\b)|\s(?:แต่|และ)(?=เรา|บริษัท)", re.IGNORECASE)
# Recipients: a flow denied before them ("does not sell, rent or share ... with advertisers"), or a source ("from vendors").
_DENIED_FLOW = re.compile(
    r"\b(?:not|never|no|none)\b[^.;]{0,60}?\b(?:shar|sell|sold|rent|leas|disclos|transfer|provid|send|sent|pass|giv|trad|upload)\w*"
    r"|\b(?:not|never|prohibited by(?: \w+)?(?: or)?)\s*$|ไม่\s*$"
    # a comparison or a role the company itself plays: "like most online service providers", "GitHub functions as a data processor"
    r"|\blike (?:most|many|other|all)\s+(?:\w+\s+)?$|\b(?:acts?|functions?|serves?) as (?:an? |the )?(?:data )?$"
    r"|ไม่(?:มีการ|ได้)?(?:แบ่งปัน|แชร์|ขาย|เปิดเผย|ส่ง|โอน|ให้)",
    re.IGNORECASE,
)
# After the recipient: the subject of a denial ("Google Analytics does not collect ..."), a possessor ("our partners' websites",
# "a partner agency's service": a place, not a receiver) or a source ("partners ... send us aggregate metrics").
# A service named for the user's own account or data there: "your Stripe account", "your Google Analytics data".
_YOUR = re.compile(r"\byour\s+$", re.IGNORECASE)
_OWN_THING = re.compile(r"\s+(?:account|accounts|data|dashboard|configuration)\b", re.IGNORECASE)
_EXCEPTION = re.compile(r"\b(?:unless|except|other than)\b|เว้นแต่|ยกเว้น", re.IGNORECASE)
_DENIED_AFTER = re.compile(
    r"\s*(?:does|do|did|will|would|can|could|may)(?:\s+not|n['’]t)\b|\s*(?:จะ)?ไม่(?:ได้)?(?:เก็บ|รวบรวม|ได้รับ|เข้าถึง)"
    r"|(?: \w+)?['’]s?\s|(?:\s+\S+){0,4}?\s+(?:sends?|provides?|gives?) (?:to )?us\b",
    re.IGNORECASE,
)
_RUN_IN_TITLE = re.compile(r"\s*(?:[-*•]\s*)?[^:：.;]{2,60}?[:：]\s+(?=\S)")
# Other users and the public receive data only where the clause says it is shown, shared or sent to them.
_SEERS = ("other_users",)
_SEEN = re.compile(
    r"\b(?:shar(?:e|es|ed|ing)|disclos\w*|visible|accessible|available|shown|display\w*|see|seen|view\w*|receiv\w*|forward\w*|sent|send|deliver\w*|recorded by|provided to|publish\w*)\b"
    r"|เห็น|มองเห็น|เข้าถึง|เข้าไปดู|แบ่งปัน|แชร์|เปิดเผย|แสดง|ส่ง|ได้รับ",
    re.IGNORECASE,
)
_FROM = re.compile(r"\bfrom\b|(?<!นอก)จาก(?!ภายนอก)", re.IGNORECASE)
_TAKEN_IN = re.compile(r"\b(?:receiv|collect|obtain|acquir|gather|get|gets|got)\w*|ได้รับ|รวบรวม|เก็บ", re.IGNORECASE)
_DEMANDED = re.compile(r"(?:\b(?:requests?|orders?|subpoenas?)|คำขอ\S{0,20}|คำสั่ง\S{0,20})\s*$", re.IGNORECASE)
_TOWARDS = re.compile(r"\b(?:to|with|by)\b|ให้แก่|ไปยัง|กับ", re.IGNORECASE)
# A linked name the service uses for a task is an outside vendor ("We use [Mailer](https://...) to send receipts").
_NAMED_VENDOR = re.compile(r"\bwe (?:also |may |only )?use \[[^\]]{2,40}\]|(?:เรา|บริษัท)(?:จะ|อาจ)?ใช้ ?\[[^\]]{2,40}\]", re.IGNORECASE)
# A capitalised name at work for the service: "Read the Docs uses Sentry and New Relic to diagnose errors", "GitHub hosts the website",
# "handled through Gmail", "stored by MailerLite", "Cloudflare จัดเตรียม DNS". Names are case-sensitive; common capitalised words are no name.
_NAME = r"(?-i:(?!(?:Cookies?|Personal|Information|Data|Your|Our|This|These|Such|The|It|Them|Services?|Site|Website|Apps?)\b)[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2})"
_VENDOR_AT_WORK = re.compile(
    rf"\b[Uu]ses? \[?{_NAME}\]?(?: (?:and|&) \[?{_NAME}\]?)? (?:to|for)\b"
    # the name before "hosts" or "โฮสต์" is checked apart (_NAME_BEFORE): a name tried at every word would cost a scan of its own
    r"|\b(?:hosts|provides (?:DNS|CDN|hosting|cloud|storage|servers|infrastructure))\b"
    rf"|\b(?:handled|processed|stored|hosted|managed|sent|delivered) (?:\w+ly )?(?:through|by|with|via) \[?{_NAME}\b(?! as (?:an? |the )?(?:data )?controller)"
    r"|(?:โฮสต์|จัดเตรียม ?(?:DNS|CDN))|(?:จัดการ|จัดเก็บ|ดำเนินการ)(?:โดย)?ผ่าน ?\[?[A-Za-z]",
)  # case-sensitive (names are capitalised; the verbs are lower-case mid-sentence), which also keeps the scan fast
# Words one of which every match of _VENDOR_AT_WORK holds: most clauses hold none and skip its scan.
_VENDOR_WORDS = ("use", "hosts", "provides", "through", " by ", "with", "via", "โฮสต์", "จัดเตรียม", "ผ่าน")
_NAME_BEFORE = {"hosts": re.compile(rf"\b{_NAME} $"), "provides": re.compile(rf"\b{_NAME} $"),
                "โฮสต์": re.compile("[A-Za-z] ?$"), "จัดเตรียม": re.compile("[A-Za-z] ?$")}
_MEASURES = re.compile(r"\banaly|\bmeasur|\bstatistic|\bhow (?:\w+ ){0,4}(?:use|uses|navigate|performs?)\b|\btest(?:ing)? variations\b|\bA/B test|วิเคราะห์|วัดผล|ประเมิน", re.IGNORECASE)
# A named party with a privacy policy of its own is a third party the data reaches ("sent to Google's geolocation service, which has
# its own privacy policy", "Google จะประมวลผลข้อมูลนี้ตามนโยบายความเป็นส่วนตัวของตนเอง").
_OWN_POLICY = re.compile(r"\b(?:its|their) own \[?privacy polic|นโยบายความเป็นส่วนตัว\]?\s*ของตนเอง", re.IGNORECASE)
# A tracker (pixel, clear GIF, cookie, tag) of a named party that measures ad campaigns is an advertiser's, one that measures or tests
# content an analytics provider's: "clear GIFs which communicate with [an ad network] to understand the effectiveness of our advertising campaigns".
_TRACKER = re.compile(r"\b(?:pixels?|clear gifs?|web beacons?|cookies?|tags?|javascript|sdks?)\b|พิกเซล|คุกกี้", re.IGNORECASE)
# ... named as the party the tracker talks to, or as the list item's subject ("* Convert.com and ShareProgress, which place a cookie").
_TRACKER_PARTY = re.compile(rf"\bcommunicates? with {_NAME}|สื่อสารกับ ?[A-Za-z]|^\W*{_NAME}(?:,? (?:and|&|และ) {_NAME})?,? (?:which|each of which|ซึ่ง|โดย|จะใช้)", re.IGNORECASE)
# A name, not a capitalised word that starts the sentence ("Query data is sent ..."): inside the sentence, or a subject that acts.
_PARTY_NAME = re.compile(rf"(?<=\S )\b{_NAME}|^\W*{_NAME} (?:\w+s\b|จะ|ได้)|[ก-๙] ?[A-Za-z]{{3,}}|^\W*[A-Za-z]{{3,}} ?[ก-๙]")
_AD_CAMPAIGNS = re.compile(r"\b(?:advertising|ad|marketing) campaigns?\b|แคมเปญโฆษณา", re.IGNORECASE)
# A pointer to a party's policy or terms names no receiver: "Link to the privacy policy of third-party service providers used by the app".
_POLICY_OF = re.compile(r"\b(?:policy|policies|terms|notice) of (?:the |our |its |any )?(?:[\w-]+ )?$|(?:นโยบาย\S{0,20}|ข้อกำหนด)ของ$", re.IGNORECASE)
_THESE_PROVIDERS = re.compile(
    r"\b(?:these|such) (?:third[- ]party )?providers (?:may |will |can )?(?:process|receive|access|collect|store|use|handle)"
    r"|ผู้ให้บริการ(?:เหล่านี้|ดังกล่าว)(?:อาจ|จะ)?(?:ประมวลผล|เข้าถึง|ได้รับ|เก็บ|ใช้)",
    re.IGNORECASE,
)
_SOURCE_LIST = re.compile(r"\s*(?:,|\band\b|\bor\b|\blike\b|\bsuch as\b|\bincluding\b|(?<=\s)(?:และ|หรือ|เช่น))\s*", re.IGNORECASE)
# Messages named for what they are state their purpose only when they are sent, not when the user stops them.
_OPTED_OUT = re.compile(r"\b(?:opt(?:ing)?[- ]out of|unsubscrib\w* from|stop receiving)\b|ยกเลิก|ปฏิเสธ", re.IGNORECASE)
# Nor is a processing the user stops an aim: "you can opt out of marketing communications", "withdraw consent for marketing",
# "visitors who disable this web measurement tool", "you can withdraw your consent to the analysis of error reports".
_STOPPED = re.compile(
    r"\b(?:opt(?:s|ed|ing)?[- ]out of|unsubscrib\w* from|stop(?:s|ping)? receiving|withdraw\w* (?:\w+ )?consent (?:to|for|from)|disabl\w+|turn(?:s|ing)? off|switch\w* off)\b"
    r"(?:\W+\w+){0,4}\W*$|(?:ยกเลิก|ปฏิเสธ|ปิดใช้งาน|ถอนความยินยอม)\S{0,30}$",
    re.IGNORECASE,
)
# What the user does is no aim of processing: "when you create and sign in to an account", "you'll have to create an account".
_USER_ACT = re.compile(r"(?:\b(?:when|if|once|after|before|whenever)\s+you|\b(?:users?|visitors|customers|members|people|those)\s+who|\byou(?:['’]ll| will| must| need to| have to))(?:\s+(?!order\b|that\b)[\w'’]+){0,2}?\s+(?:to\s+)?$", re.IGNORECASE)
# ... unless the service enables it: "so that you can", "to let users", "allows you to".
_ENABLED_FOR_USER = re.compile(r"\b(?:so(?: that)?|let|lets|allow|allows|enable|enables|help|helps|for)\s+(?:you|users?)\b", re.IGNORECASE)
# Words a limit or a condition is made of are no aim: "deletion (subject to legal requirements)", "unless prohibited by law or court order".
_NOT_AIM_BEFORE = re.compile(r"\b(?:subject to|prohibited by|prevented by|forbidden by)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# The aim of a security measure is what the measure does, not what data is processed for:
# "we implement security measures to maintain the safety of your information" states no purpose (guide section 5: purposes of processing).
_SECURITY_MEASURE = re.compile(
    r"\b(?:security|technical|organi[sz]ational|administrative|physical|appropriate|reasonable|various|protective) (?:measures|processes|controls|settings)\b"
    r"|\bsafeguards\b|\bprecautions\b|\bfirewalls?\b|\bencryption\b"
    r"|\b(?:two|multi|2)[- ](?:factor|step)\b|มาตรการ",
    re.IGNORECASE,
)
# Nor is keeping the data itself safe a purpose of processing it: "committed to ensuring the privacy and security of your data",
# "best practices for data security to protect data from unauthorized access" (a security promise, guide decision 15).
_DATA_KEPT_SAFE = re.compile(
    r"\b(?:privacy|confidentiality),? (?:and|&) (?:security|integrity)\b|\bsecurity(?:,| and) (?:privacy|confidentiality)\b"
    r"|\bsecurity of (?:your |the |their |our users'? )?(?:personal )?(?:data|information)\b"
    r"|\b(?:data|information) security\b|\bprotect (?:\w+ )?(?:data|information) from\b|ความปลอดภัยของข้อมูล",
    re.IGNORECASE,
)
# An aim is an object: "personalised advertising is switched off" makes the words the subject of a statement,
# unless a marker stands right before them ("data used for analytics is pseudonymised").
_AS_SUBJECT = re.compile(r"\s*(?:\w+\s+)?(?:is|are|was|were)\b", re.IGNORECASE)
_RIGHT_AFTER_MARKER = re.compile(r"(?:\b(?:to|for)|เพื่อ|สำหรับ)\s*$", re.IGNORECASE)
_PURPOSE_CONTEXT = (r"\bpurpose", r"\bhow we use\b", r"\bwhy we\b", r"\buse (?:of )?(?:your )?(?:personal )?(?:data|information)\b", r"\bwe use\b",
                    "วัตถุประสงค์", "การใช้ข้อมูล", "ใช้ข้อมูล",
                    # a lead-in that ends in a purpose marker ("... and for:", "เพื่อ:") makes each item an aim
                    r"\b(?:to|for|in order to)\s*[:：]?\s*$", "(?:เพื่อ|สำหรับ)\\s*[:：]?\\s*$")
# Security words that are codes wherever they appear; the others ("training", "monitoring") only in a clause about security.
_SPECIFIC_SECURITY = ("encryption_transit", "encryption_rest", "encryption", "access_control", "mfa", "pseudonymization", "firewalls", "certification", "backups", "confidentiality")
MINOR_AGE = 18
_DATA_WORDS = (r"\bdata\b(?! protection)", r"\binformation\b", r"\bcollect", r"\bprocess", r"\brecord", r"\bphotos?\b", r"\bprofiles?\b",
               "ข้อมูล", "เก็บ", "บันทึก", "ภาพถ่าย", "ประมวลผล")
_UNDER_WORDS = (r"\bunder\b", r"\bbelow\b", r"\byounger than\b", r"\bless than\b", r"\bbetween\b", r"\baged\b", "ต่ำกว่า", "ไม่ถึง", "น้อยกว่า", "ระหว่าง")
# "countries that the Commission has not recognized as having an adequate level of protection": no adequacy decision
_NOT_ADEQUATE = re.compile(r"\b(?:not|no|lack\w*|without)\b[^.;]*$|ไม่(?:มี|ได้)\S{0,20}$", re.IGNORECASE)
_TRANSFER_CONTEXT = (r"\btransfer", r"\boutside\b", r"\babroad\b", r"\boverseas\b", r"\binternational", r"\bcross-border\b", r"\bother countries\b",
                     r"\bcountr(?:y|ies)\b", "ต่างประเทศ", "โอน", "ส่งข้อมูล")


# A link target names a page, not a practice: "https://" is no HTTPS encryption, "(#your-cookie-choices)" no cookie.
# One character class per alternative, each run stopped by a space or a bracket (so "](](](" fails at once): linear time.
_LINK = re.compile(r"(?<=\])\([^()\[\]\s]*\)|<?https?://[^\s<>\])]+>?|\bwww\.[^\s<>\])]+", re.IGNORECASE)
_LINK_HINTS = ("://", "](", "www.")
#: Families read from the clause as written: a period, an age or a contact point is never a link's target.
_READ_AS_WRITTEN = ("retention", "deadlines", "age_threshold", "contacts")


def without_links(text: str) -> str:
    """``text`` with URLs and Markdown link targets blanked out; the link's own words stay.

    >>> without_links("See our [Cookie Policy](https://example.com/cookies) or www.example.com/privacy today.")
    'See our [Cookie Policy]  or   today.'
    >>> without_links("อ่านเพิ่มเติมที่ https://example.co.th/privacy")
    'อ่านเพิ่มเติมที่  '
    """
    if not any(hint in text for hint in _LINK_HINTS):
        return text
    return _LINK.sub(" ", text)


# A right the clause takes away is not granted: "you can no longer withdraw your consent".
_RIGHT_DENIED = re.compile(r"(?:\b(?:no longer|no need|cannot|can't|not (?:be )?(?:possible|able))\b[^.;]*|ไม่(?:สามารถ|จำเป็นต้อง)\S{0,20})$", re.IGNORECASE)
# A wide match can hold the denial itself: "consent, it will not be possible to withdraw" is no right to withdraw.
_DENIAL_INSIDE = re.compile(r"\b(?:no longer|cannot|can't|not (?:be )?(?:possible|able))\b|ไม่สามารถ", re.IGNORECASE)
_BARE_OPT_OUT = re.compile(r"\bopt(?:s|ed|ing)?[- ]?outs?\b(?! requests?)|เลือกที่จะไม่(?:ใช้|ให้|รับ|เข้าร่วม)", re.IGNORECASE)
# "turn off “Send Usage Data” in your Settings", "this service can be disabled", "คุณสามารถปิดใช้งานการแชร์ข้อมูล...": the user switches a processing off.
_SWITCHED_OFF = re.compile(
    r"(?<!\bwe )\b(?:disabl(?:e|ed|ing)|turn(?:ed|ing)? off|switch(?:ed|ing)? off)\b|ปิดใช้งานการ(?:แชร์|ส่ง|รวบรวม|เก็บ)|ปิด\s?[“\"]?(?:การ)?(?:ส่ง|แชร์)ข้อมูล",
    re.IGNORECASE,
)
# ... a processing of data, not a feature of the app or the phone ("switch off the contact journal", "disable the exposure notification system").
_PROCESSING_SWITCHED = re.compile(r"\b(?:send|sharing|collect|track|analytic|measur|telemetry|diagnos|usage|report|ping|checks?\b)|แชร์|ส่งข้อมูล|รวบรวม|การใช้งาน", re.IGNORECASE)
_COOKIES = re.compile(r"\bcookies?\b|คุกกี้", re.IGNORECASE)
_OPT_OUTS = {"objection", "opt_out_sale", "opt_out_marketing"}


def extract_rights(text: str, context: str = "") -> list[str]:
    """Rights the clause grants the user; a rights word counts only where the user is the one acting.

    >>> extract_rights("You may request that we delete your personal data.")
    ['erasure']
    >>> extract_rights("ท่านมีสิทธิขอถอนความยินยอมได้ตลอดเวลา"), extract_rights("We delete logs after 30 days.")
    (['withdraw_consent'], [])
    """
    codes = [code for code in codes_in(text, RIGHTS) if any(not _RIGHT_DENIED.search(text, max(0, match.start() - 40), match.start())
                                                            and not _DENIAL_INSIDE.search(match.group(0))
                                                            for match in compiled(RIGHTS[code][1]).finditer(text))]
    bare = _BARE_OPT_OUT.search(text)
    if bare and not _OPT_OUTS & set(codes) and not _RIGHT_DENIED.search(text, max(0, bare.start() - 40), bare.start()):
        # an opt-out with no object takes the one its heading names, else it objects to a processing (decision 4)
        inherited = [code for code in codes_in(context, RIGHTS) if code in _OPT_OUTS]
        codes = [code for code in RIGHTS if code in {*codes, *(inherited or ["objection"])}]
    if not codes and _SWITCHED_OFF.search(text) and _PROCESSING_SWITCHED.search(f"{text} {context}") and not _COOKIES.search(text):
        codes = ["objection"]  # switching a processing off objects to it (decision 4), where no right is named; cookies refused are no right
    return codes if codes and mentions(f"{text} {context}", USER_AGENCY) else []


def _codes(table: Table, required: tuple[str, ...] | None = None) -> Callable[[str, str], list[str]]:
    """An extractor of the codes of ``table``; with ``required``, only where the clause or its context mentions one of those."""

    def extract(text: str, context: str = "") -> list[str]:
        codes = codes_in(text, table)
        if codes and required is not None and not mentions(f"{text} {context}", required):
            return []
        return codes

    return extract


def extract_purposes(text: str, context: str = "") -> list[str]:
    """Purposes of processing: purpose wording that follows a purpose marker ("to", "for", "เพื่อ"), or any in a list about purposes.

    >>> extract_purposes("We use your address to deliver your orders."), extract_purposes("This policy was last updated in May.")
    (['service_provision'], [])
    >>> extract_purposes("เราใช้ข้อมูลเพื่อป้องกันการทุจริต")
    ['security_fraud']
    """
    found = []
    cues = None  # whether the context is about purposes, and the "use ... to" frame; most clauses never need them
    for code, (_, patterns) in PURPOSES.items():
        pattern = compiled(patterns)
        if not pattern.occurs(text):
            continue
        for match in pattern.matches(text):
            if cues is None:
                cues = (mentions(context, _PURPOSE_CONTEXT), _PURPOSE_FRAME.search(text))
            anywhere, frame = cues
            in_frame = frame is not None and frame.start() <= match.start() and not re.search(r"[.;]", text[frame.end() : match.start()])
            before = _sentence_before(text, match.start())
            if not _could_be_aim(before):
                continue
            if _AS_SUBJECT.match(text, match.end()) and not _RIGHT_AFTER_MARKER.search(before):
                continue
            if anywhere or in_frame or follows_purpose_marker(before) or match.group(0).lower().startswith(("to ", "for ")):
                found.append(code)
                break
    for code, (_, patterns) in SELF_EVIDENT_PURPOSES.items():
        if code not in found and any(_could_be_aim(before) and not _OPTED_OUT.search(before)
                                     for before in (_sentence_before(text, match.start()) for match in compiled(patterns).finditer(text))):
            found.append(code)
    if "security_fraud" in found and (_SECURITY_MEASURE.search(text) or _DATA_KEPT_SAFE.search(text)):
        found.remove("security_fraud")
    for code, (_, patterns) in MARKED_PURPOSES.items():
        if code == "security_fraud" and (_SECURITY_MEASURE.search(text) or _DATA_KEPT_SAFE.search(text)):
            continue
        if code not in found and any(_could_be_aim(before) and follows_purpose_marker(before, tight=True)
                                     for before in (_sentence_before(text, match.start()) for match in compiled(patterns).finditer(text))):
            found.append(code)
    return [code for code in PURPOSES if code in found]


def _could_be_aim(before: str) -> bool:
    """Whether words after ``before`` can state an aim: not a denied use, a stopped processing, a limit, a law's title or a security measure's aim.

    >>> _could_be_aim("We use your data to "), _could_be_aim("We never collect information for the purposes of ")
    (True, False)
    >>> _could_be_aim("You can opt out of "), _could_be_aim("เราใช้มาตรการที่เหมาะสมเพื่อ")
    (False, False)
    """
    statement = _last_statement(before)
    # "we will not use it to ...", or words inside a law's title ("กฎหมายว่าด้วยการป้องกัน...การฟอกเงิน")
    return not (_NEGATED.search(statement) or re.search(r"ว่าด้วย\S*$", before) or _STOPPED.search(statement)
                or _NOT_AIM_BEFORE.search(before) or _SECURITY_MEASURE.search(statement) or _user_acts(before))


def _user_acts(before: str) -> bool:
    """Whether the words after ``before`` are what the user does ("when you create an account", "users who choose to create one"), not an aim.

    >>> _user_acts("We collect data from users who choose to "), _user_acts("We keep you signed in so that you can ")
    (True, False)
    """
    lowered = before.lower()
    if "you" not in lowered and "who" not in lowered:
        return False
    act = _USER_ACT.search(before)
    return act is not None and not _ENABLED_FOR_USER.search(before, max(0, act.start() - 20))


def _sentence_before(text: str, position: int, reach: int = 200) -> str:
    """The sentence of ``text`` up to ``position``, at most ``reach`` characters of it."""
    return re.split(r"[.;!?]", text[max(0, position - reach) : position])[-1]


def _last_statement(before: str) -> str:
    """The last statement of a sentence: a denial before ", but we ..." does not reach the aims after it."""
    return _STATEMENT_JOIN.split(before)[-1]


def follows_purpose_marker(before: str, tight: bool = False) -> bool:
    """True when ``before`` ends in a purpose marker and at most a list of short aims after it.

    With ``tight``, the last item holds at most two words before the aim ("to improve ", "for site "), so that a
    word that is an aim only as the marker's object ("security") is not read inside a longer phrase.

    >>> follows_purpose_marker("GitHub uses cookies to provide, "), follows_purpose_marker("ข้อมูลนี้ช่วยให้เราเข้าใจการใช้งานและ")
    (True, True)
    >>> follows_purpose_marker("We send it to the teams that run each of our regional offices and ")
    False
    """
    last = None
    for last in _PURPOSE_MARKER.finditer(before):
        pass
    if last is None:
        return False
    items = _LIST_SEPARATOR.split(before[last.end() :])
    if tight and (len(items) > 3 or any(len(item.split()) > 3 for item in items) or len(items[-1].split()) > 2 or _PREPOSITION_TO.match(before, last.start())):
        return False
    return len(items) <= _LIST_ITEMS and all(len(item.split()) <= _ITEM_WORDS and len(item) <= _ITEM_CHARS for item in items)


def extract_recipients(text: str, context: str = "") -> list[str]:
    """Who receives the data: a recipient named where data goes to it, not where it is denied ("never shared with advertisers") or is the source.

    >>> extract_recipients("We share your data with our service providers and affiliates.")
    ['service_providers', 'affiliates']
    >>> extract_recipients("We never sell your data to advertisers."), extract_recipients("เราได้รับข้อมูลจากบริษัทในเครือ")
    ([], [])
    """
    found = []
    candidates = codes_in(text, RECIPIENTS)
    label = _RUN_IN_TITLE.match(text) if candidates else None
    body = label.end() if label else 0
    for code in candidates:
        # a recipient that is the subject of a denial receives nothing: "Google Analytics does not collect ..."
        starts = [match.start() for match in compiled(RECIPIENTS[code][1]).matches(text) if not _DENIED_AFTER.match(text, match.end())
                  and not (_OWN_THING.match(text, match.end()) and _YOUR.search(text, max(0, match.start() - 6), match.start()))]
        if not starts:
            continue
        if any(start >= body for start in starts):
            # the statement decides; a run-in title ("Vendors and Affiliates: we receive data from ...") only when it alone names them
            starts = [start for start in starts if start >= body]
            if not any(_receives(_last_statement(_sentence_before(text, start))) and not _POLICY_OF.search(text, max(0, start - 40), start)
                       for start in starts):
                continue
        if code in _SEERS and not _SEEN.search(text):
            continue  # other users who are only warned, met or protected receive nothing
        found.append(code)
    if not found and ("[" in text or "provider" in text or "ผู้ให้บริการ" in text) and (_THESE_PROVIDERS.search(text) or _NAMED_VENDOR.search(text)):
        # "these providers may process ...", "we use [Mailer](...) to send receipts": no role of their own, so the one of a vendor
        found.append("service_providers")
    if not found:
        found.extend(_named_party_role(text, context))
    return found


def _named_party_role(text: str, context: str) -> list[str]:
    """The role of a named party the clause puts at work for the service, when it names no recipient by its role (decision 14); none in a denial.

    >>> _named_party_role("Acme Docs uses Tracker to diagnose errors.", ""), _named_party_role("Google จะประมวลผลข้อมูลนี้ตามนโยบายความเป็นส่วนตัวของตนเอง", "Analytics")
    (['service_providers'], ['analytics_providers'])
    """
    roles = _named_party_roles(text, context)
    return roles if roles and not _DENIED_FLOW.search(text) else []


def _named_before(text: str, match: re.Match) -> bool:
    """Whether a vendor phrase has its name: in the phrase itself, or just before a verb that needs one ("Acme hosts", "Acme โฮสต์")."""
    first = next((word for word in _NAME_BEFORE if match.group(0).lower().startswith(word)), None)
    return first is None or _NAME_BEFORE[first].search(text, max(0, match.start() - 40), match.start()) is not None


def _named_party_roles(text: str, context: str) -> list[str]:
    """The role of a named party at work, denial or not."""
    lowered = text.lower()
    if any(word in lowered for word in _VENDOR_WORDS) and any(_named_before(text, match) for match in _VENDOR_AT_WORK.finditer(text)):
        return ["analytics_providers" if _MEASURES.search(text) else "service_providers"]
    if ("own" in lowered or "ของตนเอง" in text) and _OWN_POLICY.search(text) and _PARTY_NAME.search(text):
        return ["analytics_providers" if _MEASURES.search(f"{text} {context}") else "service_providers"]
    if _TRACKER.search(text) and _TRACKER_PARTY.search(text):
        if _AD_CAMPAIGNS.search(text):
            return ["advertisers"]
        if _MEASURES.search(text):
            return ["analytics_providers"]
    return []


def _receives(before: str) -> bool:
    """Whether words after ``before`` name a receiver: no denied flow ("does not share ... with") and no source ("from ... and").

    >>> _receives("We share it with "), _receives("We do not sell or share it with "), _receives("We receive data from vendors, resellers and ")
    (True, False, False)
    """
    denial = _DENIED_FLOW.search(before)
    if denial and not _EXCEPTION.search(before, denial.end()):
        return False  # "We do not disclose ... unless required for law enforcement": the exception is a flow
    last = None
    for last in _FROM.finditer(before):
        pass
    if last is None:
        return True
    gap = before[last.end() :]
    if _TOWARDS.search(gap) or not _TAKEN_IN.search(before[: last.start()]) or _DEMANDED.search(before[: last.start()]):
        return True  # "from the EEA to our service providers", "services from providers", "requests from governments"
    items = _SOURCE_LIST.split(gap)
    return not all(len(item.split()) <= _ITEM_WORDS and len(item) <= _ITEM_CHARS for item in items)


def extract_security_measures(text: str, context: str = "") -> list[str]:
    """Security measures; general words count only in a clause about security, and "encryption" only when no kind is named.

    >>> extract_security_measures("Data is encrypted at rest and staff receive training to protect it.")
    ['encryption_rest', 'training']
    """
    codes = codes_in(text, SECURITY_MEASURES)
    if any(code not in _SPECIFIC_SECURITY for code in codes) and not mentions(f"{text} {context}", _SECURITY_CONTEXT):
        codes = [code for code in codes if code in _SPECIFIC_SECURITY]
    if "encryption" in codes and {"encryption_transit", "encryption_rest"} & set(codes):
        codes.remove("encryption")
    return codes


def extract_transfer_mechanisms(text: str, context: str = "") -> list[str]:
    """Safeguards for cross-border transfers; consent counts only in a clause about transfers."""
    codes = codes_in(text, TRANSFER_MECHANISMS)
    if "adequacy" in codes and all(_NOT_ADEQUATE.search(text, max(0, match.start() - 40), match.start())
                                   for match in compiled(TRANSFER_MECHANISMS["adequacy"][1]).finditer(text)):
        codes.remove("adequacy")
    if "consent" in codes and not mentions(f"{text} {context}", _TRANSFER_CONTEXT):
        codes.remove("consent")
    return codes


def _text_only(extract: Callable[[str], list]) -> Callable[[str, str], list]:
    """An extractor that reads the clause alone: ages and contact points do not depend on the headings."""

    def extract_from_text(text: str, context: str = "") -> list:
        return extract(text)

    return extract_from_text


EXTRACTORS: dict[str, Callable[[str, str], list]] = {
    "retention": extract_retention,
    "deadlines": extract_deadlines,
    "rights": extract_rights,
    "data_types": _codes(DATA_TYPES),
    "recipients": extract_recipients,
    "purposes": extract_purposes,
    "laws": _codes(LAWS),
    "transfer_mechanisms": extract_transfer_mechanisms,
    "security_measures": extract_security_measures,
    "age_threshold": _text_only(extract_age_thresholds),
    "contacts": _text_only(extract_contacts),
}
"""Attribute family -> extractor of a clause's ``(text, context)``; the order is the order of the table columns.

The context (heading path and list lead-in) decides whether words in the
clause count (a "within 30 days" item under a lead-in about requests is a
response deadline); the codes themselves come from the clause text only.
"""

ATTRIBUTE_FAMILIES = tuple(EXTRACTORS)


def extract_attributes(text: str, context: str = "") -> dict[str, list]:
    """Every attribute family of one clause; ``context`` is its heading path and lead-in as text.

    >>> extract_attributes("We keep invoices for 7 years under the GDPR.")["laws"]
    ['gdpr']
    >>> extract_attributes("บริษัทจะเก็บรักษาข้อมูลไว้ ๑๐ ปี")["retention"][0]["value"]
    'P10Y'
    """
    words = without_links(text)
    attributes = {family: extractor(text if family in _READ_AS_WRITTEN else words, context) for family, extractor in EXTRACTORS.items()}
    minors = any(age <= MINOR_AGE for age in attributes["age_threshold"]) and mentions(text, _UNDER_WORDS)
    if minors and mentions(text, _DATA_WORDS) and "children" not in attributes["data_types"]:
        attributes["data_types"].append("children")  # "data of users under 16" is children's data
    return attributes


#: Clauses that reach every extractor, so that a worker compiles the vocabulary before its first document.
_WARM_UP_CLAUSES = (
    ("You may ask us to delete your e-mail address; we keep server logs for 90 days and respond within 30 days. "
     "We share data with service providers to prevent fraud, encrypt it and transfer it under standard contractual "
     "clauses, as the GDPR requires. Children under 13 may contact privacy@example.com or call +1 555 123 4567.",
     "Your Rights / Data Retention / Security / International Transfers"),
    ("ท่านมีสิทธิขอให้ลบข้อมูลส่วนบุคคล บริษัทเก็บรักษาข้อมูลไว้ ๕ ปี และจะตอบกลับภายใน ๓๐ วัน เพื่อป้องกันการทุจริต "
     "ผู้เยาว์อายุต่ำกว่า ๒๐ ปี ติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล dpo@example.co.th",
     "สิทธิของเจ้าของข้อมูล / ระยะเวลาการเก็บรักษา"),
)


def warm_up_extractors() -> None:
    """Compile every table of the vocabulary and the literal index of their gates (once per process)."""
    from ..text.patterns import build_literal_index
    from . import vocabulary

    for table in vars(vocabulary).values():
        if isinstance(table, dict) and all(isinstance(entry, tuple) and len(entry) == 2 for entry in table.values()):
            for _, patterns in table.values():
                compiled(patterns)
    for text, context in _WARM_UP_CLAUSES:
        extract_attributes(text, context)
    build_literal_index()


def clause_context(section_path: Iterable[str] | None, lead_in: str | None) -> str:
    """The context text of a clause: its headings and list lead-in."""
    parts = [*(section_path if section_path is not None else ()), lead_in if isinstance(lead_in, str) else ""]
    return " / ".join(parts).strip(" /")


def attribute_columns(texts: Iterable[str], section_paths: Iterable[Iterable[str] | None], lead_ins: Iterable[str | None]) -> dict[str, list]:
    """One column (a list, one item per clause) per attribute family, from each clause's normalized text, headings and lead-in."""
    extracted = [extract_attributes(text, clause_context(path, lead_in)) for text, path, lead_in in zip(texts, section_paths, lead_ins)]
    return {family: [attributes[family] for attributes in extracted] for family in ATTRIBUTE_FAMILIES}


def extract_clause_attributes(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` (which needs ``text_norm``, ``section_path``, ``lead_in``) with one column per attribute family."""
    columns = attribute_columns(frame["text_norm"], frame["section_path"], frame["lead_in"])
    return pd.concat([frame.drop(columns=[family for family in columns if family in frame.columns]), pd.DataFrame(columns, index=frame.index)], axis=1)
