"""Attribute extractors on English and Thai clauses, and properties of the duration parser."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.attributes import (
    ATTRIBUTE_FAMILIES,
    extract_attributes,
    find_durations,
    parse_duration,
)
from pipeline.attributes.durations import UNITS, describe_value
from pipeline.attributes.vocabulary import (
    DATA_TYPES,
    DEADLINE_BOUNDS,
    LAWS,
    PURPOSES,
    RECIPIENTS,
    RETENTION_TERMS,
    RIGHTS,
    SECURITY_MEASURES,
    TRANSFER_MECHANISMS,
)
from pipeline.text.normalize import normalize_text


def attributes(text: str, lang: str, context: str = "") -> dict:
    return extract_attributes(normalize_text(text, lang), context)


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("Server logs are retained for 90 days.", "en", ["P90D"]),
        ("We keep invoices for seven (7) years.", "en", ["P7Y"]),
        ("Backups are kept for 30-90 days and then deleted.", "en", ["P30D..P90D"]),
        ("Recordings are deleted between 6 months and 2 years after the call.", "en", ["P6M..P2Y"]),
        ("We retain your data as long as your account is active.", "en", ["account_lifetime"]),
        ("Aggregated statistics may be kept indefinitely.", "en", ["indefinite"]),
        ("บริษัทจะเก็บรักษาข้อมูลการทำธุรกรรมไว้เป็นระยะเวลา ๑๐ ปี", "th", ["P10Y"]),
        ("ข้อมูลจราจรทางคอมพิวเตอร์จะถูกเก็บไว้ไม่น้อยกว่าเก้าสิบวัน", "th", ["P90D"]),
        ("เราจะเก็บข้อมูลของท่านไว้เท่าที่จำเป็น หรือตามที่กฎหมายกำหนด", "th", ["as_long_as_necessary", "legal_requirement"]),
        ("We collect your name to create your account.", "en", []),
        ("บริษัทเก็บรวบรวมข้อมูลตามที่กฎหมายกำหนด", "th", []),
        ("Children under 13 years of age may not register.", "en", []),
        # Kept until its purpose is served, until the user removes it, or while the app is installed (guide decisions 9, 26).
        ("Booking data is deleted once the trip is completed.", "en", ["as_long_as_necessary"]),
        ("Your drafts stay on the device until you delete them yourself.", "en", ["account_lifetime"]),
        ("Saved items are kept for as long as the app is installed.", "en", ["account_lifetime"]),
        ("เราจะไม่เก็บข้อมูลไว้นานกว่าช่วงเวลาที่เราต้องการ", "th", ["as_long_as_necessary"]),
        ("เราจะลบข้อมูลเมื่อไม่ต้องการข้อมูลนั้นแล้ว เว้นแต่กฎหมายจะกำหนดให้เราเก็บไว้นานกว่านั้น", "th", ["as_long_as_necessary", "legal_requirement"]),
        ("You can keep track of your orders for 30 days.", "en", []),
        ("Your statutory rights apply once your data is stored.", "en", []),
        # Deleted with the account or the app, or kept unless removed: the account's lifetime, unless a period is given.
        ("When you delete your account, your data is removed from our systems.", "en", ["account_lifetime"]),
        ("เมื่อคุณลบบัญชี ข้อมูลทั้งหมดจะถูกลบออกจากระบบ", "th", ["account_lifetime"]),
        ("When you delete your account, we remove your data within 30 days.", "en", ["P30D"]),
        ("Public forum posts remain visible unless removed.", "en", ["account_lifetime"]),
        ("กระทู้สาธารณะยังคงอยู่ในระบบ เว้นแต่จะถูกลบออก", "th", ["account_lifetime"]),
        ("Uninstalling the app will delete all of its data.", "en", ["account_lifetime"]),
        ("You can withdraw your consent by deleting the app.", "en", []),
        # A retention that depends on the purpose, kept for business use, or to comply with law; a limit on an action is none.
        ("The storage period depends on the purposes for which the data was stored.", "en", ["as_long_as_necessary"]),
        ("Your IP address is not stored beyond the end of the session.", "en", ["as_long_as_necessary"]),
        ("We keep data only as long as necessary or to comply with law.", "en", ["as_long_as_necessary", "legal_requirement"]),
        ("Request deletion of your data (subject to legal requirements)", "en", []),
        ("Once the period expires we delete your data, unless otherwise required by law.", "en", []),
    ],
)
def test_retention_values(text, lang, values) -> None:
    assert [item["value"] for item in attributes(text, lang)["retention"]] == values


@pytest.mark.parametrize(
    ("text", "lang", "subject"),
    [
        ("Server logs: Retained for 90 days", "en", "Server logs"),
        ("We retain financial records for 7 years.", "en", "financial records"),
        ("We keep your personal data for 2 years.", "en", None),
        ("บริษัทจะเก็บรักษาข้อมูลบัญชีไว้ 5 ปี", "th", "ข้อมูลบัญชี"),
    ],
)
def test_retention_subject(text, lang, subject) -> None:
    assert attributes(text, lang)["retention"][0]["applies_to"] == subject


@pytest.mark.parametrize(
    ("text", "lang", "context", "expected"),
    [
        ("We will respond to your request within 30 days.", "en", "", [("P30D", "request_response")]),
        ("We will notify the regulator within 72 hours of becoming aware of a breach.", "en", "", [("PT72H", "breach_notification")]),
        ("We will email you at least 30 days before the changes take effect.", "en", "", [("P30D", "change_notice")]),
        ("GDPR requests: 30 days (may be extended to 60 days)", "en", "", [("P30D", "request_response"), ("P60D", "request_response")]),
        ("Remove the data from active systems within 30 days", "en", "When you ask us to delete your data, we:", [("P30D", "request_response")]),
        ("บริษัทจะดำเนินการตามคำขอภายใน ๓๐ วันนับแต่วันที่ได้รับคำขอ", "th", "", [("P30D", "request_response")]),
        ("บริษัทจะแจ้งเหตุการละเมิดข้อมูลส่วนบุคคลต่อสำนักงานภายใน 72 ชั่วโมง", "th", "", [("PT72H", "breach_notification")]),
        ("We keep logs for 90 days.", "en", "", []),
        # A window that counts events is no limit; "by an additional 45 days" extends one.
        ("You may make two free requests in any 12-month period.", "en", "", []),
        ("We may extend our response time by an additional 45 days.", "en", "", [("P45D", "request_response")]),
    ],
)
def test_deadlines(text, lang, context, expected) -> None:
    assert [(item["value"], item["bound"]) for item in attributes(text, lang, context)["deadlines"]] == expected


@pytest.mark.parametrize(
    ("text", "lang", "family", "codes"),
    [
        ("You have the right to request erasure of your personal data.", "en", "rights", ["erasure"]),
        ("You can unsubscribe from our newsletter at any time.", "en", "rights", ["opt_out_marketing"]),
        ("We delete inactive accounts after two years.", "en", "rights", []),
        ("ท่านมีสิทธิขอให้ลบหรือทำลายข้อมูลส่วนบุคคลของท่าน", "th", "rights", ["erasure"]),
        ("ท่านมีสิทธิร้องเรียนต่อคณะกรรมการผู้เชี่ยวชาญ", "th", "rights", ["complaint"]),
        ("We comply with the GDPR and the CCPA.", "en", "laws", ["gdpr", "ccpa"]),
        ("ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562", "th", "laws", ["pdpa_th"]),
        ("We comply with applicable data protection laws.", "en", "laws", []),
        ("Transfers rely on the Standard Contractual Clauses.", "en", "transfer_mechanisms", ["scc"]),
        ("การโอนข้อมูลไปต่างประเทศจะใช้ข้อสัญญามาตรฐาน", "th", "transfer_mechanisms", ["scc"]),
        ("Data is encrypted in transit using TLS 1.2.", "en", "security_measures", ["encryption_transit"]),
        ("เราใช้การเข้ารหัสและการควบคุมการเข้าถึงเพื่อรักษาความปลอดภัย", "th", "security_measures", ["encryption", "access_control"]),
        ("We share data with our payment processors.", "en", "recipients", ["payment_processors"]),
        ("เราอาจเปิดเผยข้อมูลให้แก่บริษัทในเครือ", "th", "recipients", ["affiliates"]),
        ("We collect your IP address and device identifiers.", "en", "data_types", ["device", "network_ip"]),
        ("เราเก็บรวบรวมเลขประจำตัวประชาชนของท่าน", "th", "data_types", ["government_id"]),
        ("We use your data to prevent fraud.", "en", "purposes", ["security_fraud"]),
        ("เราใช้ข้อมูลเพื่อวิเคราะห์สถิติการใช้งาน", "th", "purposes", ["analytics"]),
        # A link's target is no wording of the clause: "https://" is not HTTPS encryption.
        ("Read more at https://example.com/privacy or <https://example.org/security>.", "en", "security_measures", []),
        ("ดูรายละเอียดได้ที่ https://example.co.th/privacy", "th", "security_measures", []),
        # Encryption said of keeping data is at rest, said of sending it in transit, said of neither unspecified.
        ("Your notes are stored in encrypted form on your phone.", "en", "security_measures", ["encryption_rest"]),
        ("Your answers are transmitted to our server in encrypted form.", "en", "security_measures", ["encryption_transit"]),
        ("Messages are end-to-end encrypted.", "en", "security_measures", ["encryption"]),
        ("บันทึกของท่านถูกจัดเก็บในรูปแบบที่เข้ารหัสบนอุปกรณ์", "th", "security_measures", ["encryption_rest"]),
        ("ข้อมูลของท่านจะถูกส่งไปยังเซิร์ฟเวอร์ในรูปแบบที่เข้ารหัส", "th", "security_measures", ["encryption_transit"]),
        # Data made unidentifiable, access limited to the user, staff bound to secrecy, backups wherever named.
        ("The code is converted so that it can no longer be identified.", "en", "security_measures", ["pseudonymization"]),
        ("เราเก็บสถิติแบบไม่ระบุตัวตนและแบบรวมเท่านั้น", "th", "security_measures", ["pseudonymization"]),
        ("Your journal can only be accessed by you.", "en", "security_measures", ["access_control"]),
        ("เฉพาะท่านเท่านั้นที่สามารถเข้าถึงบันทึกนี้ได้", "th", "security_measures", ["access_control"]),
        ("Our vendors are bound by contractual obligations to keep your data confidential.", "en", "security_measures", ["confidentiality"]),
        ("We keep backups for 30 days.", "en", "security_measures", ["backups"]),
        # Data said to be anonymous or not linkable is pseudonymised (decision 24); anonymous users or identifiers are not.
        ("Usage figures are only shared anonymously with our team.", "en", "security_measures", ["pseudonymization"]),
        ("This information is anonymous and we don't trace it back to you.", "en", "security_measures", ["pseudonymization"]),
        ("ข้อมูลทั้งหมดถูกรวบรวมและไม่ระบุชื่อ", "th", "security_measures", ["pseudonymization"]),
        ("Users are anonymous and choose what to share.", "en", "security_measures", []),
        # Bound not to disclose; only authorised people access; decrypting names encryption; IP addresses logged for security (decision 35).
        ("Our vendors are obligated not to disclose the information.", "en", "security_measures", ["confidentiality"]),
        ("ผู้ให้บริการมีหน้าที่ที่จะไม่เปิดเผยข้อมูลเพื่อวัตถุประสงค์อื่น", "th", "security_measures", ["confidentiality"]),
        ("A limited number of authorized staff can view the reports.", "en", "security_measures", ["access_control"]),
        ("We cannot decrypt your saved passwords.", "en", "security_measures", ["encryption"]),
        ("Your data can only be decrypted by your own devices.", "en", "security_measures", ["encryption"]),
        ("We use safeguards to prevent unauthorized access to your data.", "en", "security_measures", []),
        ("The host logs visitors' IP addresses for security.", "en", "security_measures", ["monitoring"]),
        ("ผู้ให้บริการบันทึกที่อยู่ IP ของผู้เยี่ยมชมเพื่อความปลอดภัย", "th", "security_measures", ["monitoring"]),
        ("We employ physical, electronic and managerial safeguards.", "en", "security_measures", ["physical_security"]),
        # A thing stored, or a transmission over the Internet, is no encryption.
        ("เราไม่สามารถเข้าถึงภาพวาดที่จัดเก็บไว้ในอุปกรณ์ของคุณ", "th", "security_measures", []),
        ("ไม่มีวิธีการส่งผ่านอินเทอร์เน็ตใดที่ปลอดภัย 100%", "th", "security_measures", []),
        # Health facts held as data: test results, vaccinations, symptoms, illness; a health office is no health data.
        ("We store your test results and vaccination dates.", "en", "data_types", ["health"]),
        ("You can tell us about symptoms of an illness.", "en", "data_types", ["health"]),
        ("แอปจะบันทึกผลตรวจและประวัติการได้รับวัคซีนของท่าน", "th", "data_types", ["health"]),
        ("Your public health office may call you.", "en", "data_types", []),
        ("ผลการตรวจสอบบัญชีของบริษัท", "th", "data_types", []),
        ("The test result retrieval feature is switched off to protect the health of our staff.", "en", "data_types", []),
        # Data named by what it is about, not a word that also names something else (an acting OS, a cookie policy, a minor change).
        ("We collect your payment information when you subscribe.", "en", "data_types", ["payment_card"]),
        ("We keep a record of the purchases you have made.", "en", "data_types", ["financial"]),
        ("We collect information about your use of our app, such as page views.", "en", "data_types", ["usage"]),
        ("เราใช้บริการภายนอกเพื่อวิเคราะห์การใช้งานของผู้ใช้", "th", "data_types", ["usage"]),
        ("We collect your browser type and operating system version.", "en", "data_types", ["device"]),
        ("Your operating system may delete this data automatically.", "en", "data_types", []),
        ("เราเก็บประเภทเบราว์เซอร์และรุ่นอุปกรณ์ของท่าน", "th", "data_types", ["device"]),
        ("การล้างข้อมูลเบราว์เซอร์จะลบข้อมูลนี้", "th", "data_types", []),
        ("We record your approximate region and pickup locations.", "en", "data_types", ["location"]),
        ("We store backups in multiple locations.", "en", "data_types", []),
        ("We receive your name and email from Google.", "en", "data_types", ["contact", "identity"]),
        ("ท่านสามารถยกเลิกได้ที่ท้ายอีเมล", "th", "data_types", []),
        ("The certificate carries an electronic signature.", "en", "data_types", []),
        ("กรุณาลงชื่อเข้าใช้เพื่อดำเนินการต่อ", "th", "data_types", []),
        ("See our Cookie Policy for details. Most changes will be minor.", "en", "data_types", []),
        ("โพสต์ในบล็อกของเรา", "th", "data_types", []),
        # Interaction, metrics and reading history are usage; diagnostics and diagnosis keys are no health data.
        ("We record interaction data and app metrics.", "en", "data_types", ["usage"]),
        ("เราเก็บข้อมูลปฏิสัมพันธ์และประวัติการอ่านของคุณ", "th", "data_types", ["usage"]),
        ("Crash reports and diagnostics help us fix bugs.", "en", "data_types", []),
        ("Diagnosis keys are random identifiers.", "en", "data_types", []),
        # Names of things are no person's name; a user name is a credential (guide decision 13); a named system that acts is no data.
        ("Your user name and device name are stored.", "en", "data_types", ["account_credentials", "device"]),
        ("เราได้รับชื่ออุปกรณ์และชื่อผู้ใช้ของคุณ", "th", "data_types", ["account_credentials", "device"]),
        ("ข้อมูลทั้งหมดไม่ระบุชื่อ", "th", "data_types", []),
        ("ระบบปฏิบัติการ Example จะเชื่อมต่อกับเซิร์ฟเวอร์", "th", "data_types", []),
        # Where one was, and the contents of messages.
        ("The journal records when and where you met other people.", "en", "data_types", ["location"]),
        ("We read the contents of your email to answer it.", "en", "data_types", ["communications"]),
        ("เราจะได้รับข้อความและไฟล์แนบที่คุณส่ง", "th", "data_types", ["communications"]),
        # Transfer safeguards: no adequacy where the clause denies it, agreeing to the transfer is consent.
        ("We send data to countries the Commission has not recognised as having an adequate level of protection.", "en", "transfer_mechanisms", []),
        ("These transfers rest on standard contractual arrangements approved by the Commission.", "en", "transfer_mechanisms", ["scc"]),
        ("If you do not agree to the transfer of your data outside the EU, do not use the feature.", "en", "transfer_mechanisms", ["consent"]),
        ("เมื่อใช้บริการ ท่านยินยอมให้มีการโอนข้อมูลไปยังต่างประเทศ", "th", "transfer_mechanisms", ["consent"]),
    ],
)
def test_code_families(text, lang, family, codes) -> None:
    assert attributes(text, lang)[family] == codes


@pytest.mark.parametrize(
    ("text", "lang", "context", "purposes"),
    [
        # Aims listed after one marker: "to provide, secure and improve", "ช่วยให้เรา...และ...".
        ("We use cookies to provide, secure and improve the app.", "en", "", ["service_provision", "security_fraud", "research"]),
        ("ข้อมูลดังกล่าวช่วยให้เราวัดประสิทธิภาพและปรับปรุงแอปของเรา", "th", "", ["analytics", "research"]),
        # Thai needs no "to" after "บริษัทใช้ ...".
        ("บริษัทใช้ประวัติการสั่งซื้อแนะนำสินค้าที่ท่านอาจสนใจ", "th", "", ["personalization"]),
        # A lead-in that ends in a marker makes each item an aim.
        ("fraud investigations", "en", "We may read your messages only for:", ["security_fraud"]),
        ("fraud investigations", "en", "", []),
        ("การตรวจสอบการทุจริต", "th", "เราอาจเข้าถึงข้อมูลของท่านเพื่อ:", ["security_fraud"]),
        # A denied use states no aim; a denial does not reach past ", but we ...".
        ("We never track you across sites to show you ads.", "en", "", []),
        ("We do not sell your data, but we share it with vendors to provide the service.", "en", "", ["service_provision"]),
        ("เราจะไม่ใช้ข้อมูลเพื่อการตลาด", "th", "", []),
        ("เราไม่ขายข้อมูลของท่าน แต่เราใช้ข้อมูลเพื่อให้บริการ", "th", "", ["service_provision"]),
        # "จำเป็นต้อง" (necessary to) states an aim as "necessary to" does.
        ("หากจำเป็นต้องป้องกันการฉ้อโกง เราอาจเปิดเผยข้อมูลของท่าน", "th", "", ["security_fraud"]),
        ("เราอาจใช้ข้อมูลเพื่อเพิ่มประสิทธิภาพการติดต่อสื่อสารบางอย่าง", "th", "", []),
        # Words that are the subject of a statement, or messages the user stops, are no aim.
        ("Personalised ads are turned off for teenagers.", "en", "", []),
        ("Data kept for billing is encrypted.", "en", "", ["billing"]),
        ("You can opt out of marketing emails at any time.", "en", "", []),
        # Verbs joined by commas or "and" share one object; the service kept working is service provision.
        ("We use your data for providing and improving the service.", "en", "", ["service_provision", "research"]),
        ("ข้อมูลนี้ช่วยให้เว็บไซต์ทำงานได้อย่างถูกต้อง", "th", "", ["service_provision"]),
        ("We use these reports to investigate problems and improve stability.", "en", "", ["service_provision", "research"]),
        # Security named right after a marker is an aim; elsewhere ("our security team", "security notices") it is not.
        ("We review these records to improve safety and stability.", "en", "", ["security_fraud"]),
        ("เราตรวจสอบบันทึกเหล่านี้เพื่อปรับปรุงความปลอดภัยของแอป", "th", "", ["security_fraud"]),
        ("Our security team reads the reports.", "en", "", []),
        ("Details related to your account, including recovery and security notices.", "en", "", []),
        # The aim of a security measure is no purpose of processing.
        ("We use encryption and firewalls to protect your account from attacks.", "en", "", []),
        ("เรามีมาตรการรักษาความปลอดภัยเพื่อป้องกันการเข้าถึงโดยไม่ได้รับอนุญาต", "th", "", []),
        # A processing the user stops, denies ("never collect", "no longer process", ไม่เก็บ) or a limit ("subject to") is no aim.
        ("You can withdraw your consent to analytics at any time.", "en", "", []),
        ("คุณสามารถปิดใช้งานการวิเคราะห์ได้ในการตั้งค่า", "th", "", []),
        ("We never collect your data for advertising.", "en", "", []),
        ("We no longer process data for the operation of the service.", "en", "", []),
        ("เราไม่เก็บข้อมูลเพื่อการโฆษณา", "th", "", []),
        ("You can ask us to delete data, subject to legal requirements.", "en", "", []),
        # Protecting rights and property is security beside legal compliance (guide decision 43); referral data is no recommendation.
        ("We may disclose data to protect the rights, property or safety of our users.", "en", "", ["security_fraud", "legal_compliance"]),
        # What the user does is no aim ("when you create an account"); what the service lets the user do is one.
        ("We collect your name from users who choose to create an account.", "en", "", []),
        ("When you create and sign in to an account, you receive a credential.", "en", "", []),
        ("We keep a token so that you can sign in without a password.", "en", "", ["service_provision"]),
        ("We ask for basic information from you in order to set up your account.", "en", "", ["service_provision"]),
        # Support: responding to reported problems or to the user's request, assisting the support team.
        ("We use your messages to respond to reported problems.", "en", "", ["support"]),
        ("We only use this information to respond to your request.", "en", "", ["support"]),
        ("We commit to responding to your request within 45 days.", "en", "", []),
        ("เราใช้ข้อความของคุณเพื่อตอบสนองปัญหาที่รายงาน", "th", "", ["support"]),
        ("เราใช้ข้อมูลแนะนำเพื่อวัดผลแคมเปญ", "th", "", ["analytics"]),
    ],
)
def test_purposes_are_stated_aims(text, lang, context, purposes) -> None:
    assert attributes(text, lang, context)["purposes"] == purposes


@pytest.mark.parametrize(
    ("text", "lang", "context", "rights"),
    [
        # What the user can do, with or without the word "right".
        ("You can delete your saved places at any time.", "en", "", ["erasure"]),
        ("การล้างข้อมูลในแอปจะลบบันทึกทั้งหมด", "th", "", ["erasure"]),
        ("You can access and edit your profile in Settings.", "en", "", ["access", "rectification"]),
        ("You may contact your local supervisory authority.", "en", "", ["complaint"]),
        # A right taken away, cookies cleared, or an account kept until closed is no right granted.
        ("Once the data has been sent, you can no longer withdraw your consent.", "en", "", []),
        ("เมื่อส่งข้อมูลแล้ว ท่านไม่สามารถถอนความยินยอมได้", "th", "", []),
        ("You can delete cookies in your browser.", "en", "", []),
        ("Summaries are kept until you delete your account.", "en", "", []),
        ("คุณสามารถแก้ไขการตั้งค่าอีเมลได้", "th", "", []),
        # An opt-out of a processing objects to it; a bare one takes the opt-out its heading names.
        ("You can opt out of our analytics program in your settings.", "en", "", ["objection"]),
        ("คุณสามารถเลือกที่จะไม่ใช้เครื่องมือวิเคราะห์ได้", "th", "", ["objection"]),
        ("คุณสามารถเปิดคำสั่ง “อย่าติดตาม” ในเบราว์เซอร์ได้", "th", "", ["objection"]),
        ("You can opt out here.", "en", "Right to Opt Out of Sale", ["opt_out_sale"]),
        ("There is no need to opt out.", "en", "", []),
        # A denial inside a wide match, and a right named in a list of requests or verbs.
        ("After you give your consent, it will not be possible to withdraw your consent.", "en", "", []),
        ("To make an access or deletion request, write to us.", "en", "", ["access", "erasure"]),
        ("Access, correct, delete, export.", "en", "Your rights", ["access", "rectification", "erasure", "portability"]),
        ("ขอเข้าถึง แก้ไข ลบ ส่งออก", "th", "สิทธิของคุณ", ["access", "rectification", "erasure", "portability"]),
        ("Have personal data we hold about you deleted.", "en", "Your rights", ["erasure"]),
        ("Files we keep will have what you sent to the team deleted after 14 days.", "en", "", []),
        # Deleting one's account or records, as the user does it.
        ("When you choose to delete your account, all of your data is removed.", "en", "", ["erasure"]),
        ("Once you have initiated the deletion, your data is removed from our servers.", "en", "Data Deletion", ["erasure"]),
        ("เมื่อคุณเลือกที่จะลบบัญชี ข้อมูลทั้งหมดจะถูกลบออกจากระบบ", "th", "", ["erasure"]),
        ("เมื่อเริ่มต้นการลบ ข้อมูลของคุณจะถูกลบภายในเวลาที่เหมาะสม", "th", "", ["erasure"]),
        ("You can request and download an archive of your posts.", "en", "", ["access", "portability"]),
        ("You can restrict or object to how we use your data.", "en", "", ["restriction", "objection"]),
        ("You may refer the rejected appeal to the state attorney general.", "en", "", ["complaint"]),
        ("Withdraw consent for marketing emails", "en", "Your rights", ["withdraw_consent", "opt_out_marketing"]),
        # Switching a processing off objects to it; a feature, cookies or a consent withdrawn that way do not.
        ("You can turn off usage data sharing in Settings.", "en", "", ["objection"]),
        ("คุณสามารถปิดใช้งานการแชร์ข้อมูลการวินิจฉัยได้ในการตั้งค่า", "th", "", ["objection"]),
        ("You can switch off the reminders feature at any time.", "en", "", []),
        ("You can disable non-essential cookies in your browser.", "en", "", []),
        ("You can withdraw your consent to sharing by disabling the sharing feature.", "en", "", ["withdraw_consent"]),
        ("ปิดการแชร์ข้อมูลตำแหน่งในแอปไม่ได้", "th", "", []),
    ],
)
def test_rights_the_user_can_exercise(text, lang, context, rights) -> None:
    assert attributes(text, lang, context)["rights"] == rights


@pytest.mark.parametrize(
    ("text", "lang", "recipients"),
    [
        # A recipient is where data goes: not a denied flow, not the source data comes from.
        ("We never sell or share your location with advertisers.", "en", []),
        ("เราไม่แบ่งปันข้อมูลของท่านกับผู้ลงโฆษณา", "th", []),
        ("We may receive information about you from partners, resellers or affiliates.", "en", []),
        ("เราอาจได้รับข้อมูลของท่านจากบริษัทในเครือ", "th", []),
        ("We transfer data from the EU to our service providers in the US.", "en", ["service_providers"]),
        ("We disclose data only in response to requests from governments.", "en", ["authorities"]),
        ("เราจะเปิดเผยข้อมูลเมื่อได้รับคำขอจากรัฐบาล", "th", ["authorities"]),
        ("ผู้ให้บริการอีเมลของคุณอาจส่งข้อมูลให้เรา", "th", []),
        # A run-in title counts only when the statement does not say otherwise.
        ("Affiliates: We may share your data with our affiliates.", "en", ["affiliates"]),
        ("Vendors and Partners: We receive data from vendors and partners.", "en", []),
        # Recipients by the role the text gives them.
        ("Our website is hosted by a cloud company.", "en", ["service_providers"]),
        ("เว็บไซต์ของเราโฮสต์อยู่บนแพลตฟอร์มของบุคคลภายนอก", "th", ["service_providers"]),
        ("We share data with advertising, marketing or analytics vendors.", "en", ["advertisers", "analytics_providers"]),
        ("These providers may process your IP address.", "en", ["service_providers"]),
        ("We use an analytics service; these providers may process your IP address.", "en", ["analytics_providers"]),
        ("We use [Mailer](https://mailer.example/privacy) to send receipts.", "en", ["service_providers"]),
        ("เราใช้ [Mailer](https://mailer.example/privacy) เพื่อส่งใบเสร็จ", "th", ["service_providers"]),
        ("We use [Google Analytics](https://example.com) to count visits.", "en", ["analytics_providers"]),
        # The public and other users see the data; "other users' sites" are places, not recipients.
        ("Your comments may be accessible to the public.", "en", ["public"]),
        ("คนทั่วไปอาจเข้ามาดูความคิดเห็นของคุณได้", "th", ["public"]),
        ("Your profile is visible to other members.", "en", ["other_users"]),
        ("สมาชิกคนอื่นๆ สามารถเห็นชื่อของคุณ", "th", ["other_users"]),
        ("We record your likes on other users' sites.", "en", []),
        ("You can warn other users through the app.", "en", []),
        ("Your posts are shown to other users of the forum.", "en", ["other_users"]),
        ("ผู้ใช้คนอื่นจะเห็นชื่อที่คุณใช้ในห้องแชท", "th", ["other_users"]),
        # A named vendor at work for the service takes the role its task gives it (decision 14).
        ("Example Docs uses Tracker and Pager to diagnose errors.", "en", ["service_providers"]),
        ("We use Counter to measure how visitors use our site.", "en", ["analytics_providers"]),
        ("Acme hosts the website and its files.", "en", ["service_providers"]),
        ("Support e-mail is handled through Mailbox.", "en", ["service_providers"]),
        ("Acme โฮสต์เว็บไซต์และแอปของเรา", "th", ["service_providers"]),
        ("การติดต่อทางอีเมลได้รับการจัดการผ่าน Mailbox", "th", ["service_providers"]),
        ("We use Cookies to remember you.", "en", []),
        ("All records are stored in our Amazon Web Services environment.", "en", ["service_providers"]),
        ("Requests for data processed by Acme as controller are answered within a month.", "en", []),
        # Denied right before the recipient or by it; a possessor, a source, a comparison or the company's own role receives nothing.
        ("Your e-mail address is not shared publicly.", "en", []),
        ("รายงานที่ไม่เปิดเผยต่อสาธารณะจะถูกลบ", "th", []),
        ("Tracker Analytics does not collect your name.", "en", []),
        ("We may receive totals of what users buy on our partners' websites.", "en", []),
        ("Some partners send us aggregate metrics.", "en", []),
        ("Like most online service providers, we collect log data.", "en", []),
        ("Acme functions as a data processor for your organisation.", "en", []),
        ("The device sends a partner ID and the screen size.", "en", []),
        # Made public, or delivered to followers.
        ("Your display name and avatar are always listed publicly.", "en", ["public"]),
        ("Reblogging another post is always public.", "en", ["public"]),
        ("การสนับสนุนผ่านกระดานถามตอบเป็นแบบสาธารณะ", "th", ["public"]),
        ("Your posts are delivered to your followers.", "en", ["other_users"]),
        # A named party with a privacy policy of its own is a third party; its role comes from its task or the heading.
        ("Location data may be sent to Acme's mapping service, which has its own privacy policy.", "en", ["service_providers"]),
        ("Acme จะประมวลผลข้อมูลนี้ตามนโยบายความเป็นส่วนตัวของตนเอง", "th", ["service_providers"]),
        ("Query data is sent to your search provider, which has its own privacy policy.", "en", []),
        # A named party's tracker that measures ad campaigns is an advertiser's; one that tests content, an analytics provider's.
        ("Some pages use clear GIFs which communicate with AdNet to understand the effectiveness of our advertising campaigns.", "en", ["advertisers"]),
        ("* Tester และ Splitter ซึ่งจะใส่คุกกี้ในอุปกรณ์ของคุณเพื่อช่วยเราในการประเมินเนื้อหา", "th", ["analytics_providers"]),
        ("We use cookies to analyze website traffic.", "en", []),
        # Companies engaged for the service; transactions handled by a party; a pointer to a party's policy names no receiver.
        ("We may employ third-party companies and individuals for these reasons.", "en", ["service_providers"]),
        ("เราอาจว่าจ้างบริษัทและบุคคลภายนอกด้วยเหตุผลดังต่อไปนี้", "th", ["service_providers"]),
        ("การทำธุรกรรมเหล่านี้ดำเนินการโดยบุคคลภายนอก", "th", ["payment_processors"]),
        ("Link to the privacy policy of third-party service providers used by the app", "en", []),
        ("ลิงก์ไปยังนโยบายความเป็นส่วนตัวของผู้ให้บริการบุคคลที่สามที่แอปใช้", "th", []),
        ("ข้อมูลนี้ Acme ซึ่งเป็นผู้ให้บริการบทวิเคราะห์ของเราจะเก็บไว้", "th", ["analytics_providers"]),
        # An exception to a denial is a flow; the user's own account or data at a service names no receiver.
        ("We do not disclose personal information, unless required for law enforcement.", "en", ["authorities"]),
        ("เราจะไม่เปิดเผยข้อมูล เว้นแต่เป็นการเปิดเผยต่อหน่วยงานของรัฐตามกฎหมาย", "th", ["authorities"]),
        ("Give us the e-mail address of your PayPal account.", "en", []),
        ("The library uses a shared Google Analytics account.", "en", ["analytics_providers"]),
        ("We use a third-party service to collect crash reports.", "en", ["service_providers"]),
        ("Data may be accessed by other members of our group of companies.", "en", ["affiliates"]),
        ("We may publish aggregated and anonymized data for research.", "en", ["public"]),
        ("You can post a question in our public forums.", "en", []),
    ],
)
def test_recipients_receive_the_data(text, lang, recipients) -> None:
    assert attributes(text, lang)["recipients"] == recipients


@pytest.mark.parametrize(
    ("text", "lang", "ages"),
    [
        ("We do not knowingly collect data from children under 13.", "en", [13]),
        ("You must be 18 years of age or older to open an account.", "en", [18]),
        ("Teens aged 13 to 16 need a parent's consent.", "en", [13, 16]),
        ("ผู้เยาว์ที่มีอายุต่ำกว่า ๒๐ ปี ต้องได้รับความยินยอมจากผู้ปกครอง", "th", [20]),
        ("บริการนี้ไม่ได้มีไว้สำหรับเด็กอายุไม่ถึง 10 ปี", "th", [10]),
        ("We have served customers for over 20 years.", "en", []),
    ],
)
def test_age_thresholds(text, lang, ages) -> None:
    assert attributes(text, lang)["age_threshold"] == ages


@pytest.mark.parametrize(
    ("text", "lang", "contacts"),
    [
        ("E-mail privacy@example.com or call 1-800-555-0199.", "en", [("email", "privacy@example.com"), ("phone", "1-800-555-0199")]),
        ("Write to our Data Protection Officer at 1 Main Street, Dublin 2, D02 XY45, Ireland.", "en",
         [("dpo", "Data Protection Officer"), ("address", "1 Main Street, Dublin 2, D02 XY45, Ireland")]),
        ("Our EU representative is DataRep, Keizersgracht 100, 1015 AA Amsterdam, the Netherlands.", "en",
         [("address", "Keizersgracht 100, 1015 AA Amsterdam, the Netherlands")]),
        ("Your booking reference (for example, 204-557-1893) is on your e-ticket.", "en", []),
        ("Mail: 123 Market Street, Suite 400, San Francisco, CA 94105", "en", [("address", "123 Market Street, Suite 400, San Francisco, CA 94105")]),
        ("ติดต่อ dpo@example.co.th หรือโทร 02-123-4567", "th", [("email", "dpo@example.co.th"), ("phone", "02-123-4567")]),
        ("สำนักงานตั้งอยู่เลขที่ 99/1 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110", "th",
         [("address", "เลขที่ 99/1 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110")]),
        ("Section 1798.100 of the California Civil Code applies.", "en", []),
        # Addresses written against harvesters are contacts as written; a booking number is no hotline.
        ("Or write to privacy[at]example[dot]com.", "en", [("email", "privacy[at]example[dot]com")]),
        ("ติดต่อ dpo [at] example.co.th", "th", [("email", "dpo [at] example.co.th")]),
        ("Quote booking number 1234 in your e-mail.", "en", []),
        ("Example B.V., Damrak 10, Amsterdam 1012LG, The Netherlands", "en", [("address", "Damrak 10, Amsterdam 1012LG, The Netherlands")]),
    ],
)
def test_contacts(text, lang, contacts) -> None:
    assert [(item["kind"], item["value"]) for item in attributes(text, lang)["contacts"]] == contacts


@pytest.mark.parametrize(
    "table", [RIGHTS, DATA_TYPES, RECIPIENTS, PURPOSES, LAWS, TRANSFER_MECHANISMS, SECURITY_MEASURES, RETENTION_TERMS, DEADLINE_BOUNDS]
)
def test_every_code_is_documented_and_has_english_and_thai_or_names(table) -> None:
    for code, (meaning, patterns) in table.items():
        assert code.islower() and meaning and patterns, code


def test_every_family_is_extracted_for_any_clause() -> None:
    assert set(extract_attributes("")) == set(ATTRIBUTE_FAMILIES)


# Property-based tests of the duration parser.

_EN_SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_UNIT_WORDS = {"Y": ["year", "years"], "M": ["month", "months"], "W": ["week", "weeks"], "D": ["day", "days", "business days"], "H": ["hour", "hours"]}
_TH_UNIT_WORDS = {"Y": ["ปี"], "M": ["เดือน"], "W": ["สัปดาห์"], "D": ["วัน", "วันทำการ"], "H": ["ชั่วโมง"]}


def english_words(n: int) -> str:
    """Spell 1..999 in English words, as a policy would ("one hundred and eighty")."""
    if n < 20:
        return _EN_SMALL[n]
    if n < 100:
        return _EN_TENS[n // 10 - 2] + ("" if n % 10 == 0 else "-" + _EN_SMALL[n % 10])
    rest = n % 100
    return _EN_SMALL[n // 100] + " hundred" + ("" if rest == 0 else " and " + english_words(rest))


@st.composite
def duration_phrases(draw):
    from pythainlp.util import num_to_thaiword

    n = draw(st.integers(min_value=1, max_value=999))
    unit = draw(st.sampled_from(list(UNITS)))
    thai = draw(st.booleans())
    form = draw(st.sampled_from(["arabic", "thai_digits", "words"]))
    if form == "arabic":
        number = str(n)
    elif form == "thai_digits":
        number = str(n).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    else:
        number = num_to_thaiword(n) if thai else english_words(n)
    words = draw(st.sampled_from((_TH_UNIT_WORDS if thai else _EN_UNIT_WORDS)[unit]))
    space = draw(st.sampled_from(["", " "])) if thai else " "
    return f"{number}{space}{words}", n * UNITS[unit][0]


@settings(max_examples=500, deadline=None)
@given(duration_phrases())
def test_any_duration_phrase_round_trips_to_its_day_count(case) -> None:
    phrase, days = case
    parsed = parse_duration(phrase)
    assert parsed is not None, phrase
    assert parsed.days == pytest.approx(days), phrase
    assert parse_duration(describe_value(parsed.iso)).days == pytest.approx(days), phrase


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80) | st.text(alphabet="0123456789๐๑๒ -–.,()ปีวันyeardhoursmonthsสิบหนึ่ง ", max_size=40))
def test_garbage_never_raises(text) -> None:
    parse_duration(text)
    find_durations(text)
    extract_attributes(text)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: "a" * n + " x[at]y", id="en-run-then-obfuscated-address"),
        pytest.param(lambda n: "a" * n + " @ b", id="en-run-then-at-sign"),
        pytest.param(lambda n: "](" * (n // 2), id="link-brackets"),
        pytest.param(lambda n: "[a](https://x.y/z) " * (n // 19), id="markdown-links"),
        pytest.param(lambda n: "ข้อมูล" * (n // 6) + "เพื่อ", id="th-run-then-purpose"),
        pytest.param(lambda n: "you can " * (n // 8) + "delete", id="en-repeated-right-cue"),
    ],
)
def test_long_runs_take_linear_time(make) -> None:
    """Four times the text takes about four times the processor time (a quadratic pattern took tens of seconds).

    A ratio of two sizes timed in turn, not a time limit: see tests/test_long_input.py.
    """
    from tests.test_long_input import MAX_GROWTH, growth

    assert growth(lambda text: extract_attributes(text, "How we use / We share with:"), make, 20_000) < MAX_GROWTH


# The hand-written evaluation set (data/labeled/attributes): the bar, per family and language.

PRECISION_TARGET, RECALL_TARGET = 0.90, 0.85


@pytest.fixture(scope="module")
def attribute_report() -> dict:
    from pipeline.evaluation.attributes import evaluate_attributes

    return evaluate_attributes()


def test_evaluation_set_has_enough_rows_per_language(attribute_report) -> None:
    assert attribute_report["rows"]["en"] >= 150
    assert attribute_report["rows"]["th"] >= 100


@pytest.mark.parametrize("lang", ["en", "th"])
@pytest.mark.parametrize("family", ATTRIBUTE_FAMILIES)
def test_attribute_precision_and_recall_meet_the_bar(attribute_report, family, lang) -> None:
    scores = attribute_report["families"][family][lang]
    assert scores["support"] >= 10, f"too few {family} items in {lang} to score"
    assert scores["precision"] >= PRECISION_TARGET, scores
    assert scores["recall"] >= RECALL_TARGET, scores
