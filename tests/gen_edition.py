#!/usr/bin/python3
"""gen_edition.py - a synthetic edition of N initiatives, for benchmarks.

    tests/gen_edition.py N DIR [--seed S]

writes DIR/initiatives.csv, DIR/sectors.csv and DIR/edition.ini. The same
N and seed always give the same bytes. The content is realistic in shape:
nine sectors; English summaries of 40-120 words, about one in five with an
inline Hebrew or Arabic phrase; names in English, Hebrew and Arabic; most
optional fields filled, and about one initiative in five with a Hebrew and
an Arabic summary. Every Hebrew and Arabic string is a whole, natural
phrase (names are built as "<kind of initiative> in <place>", which reads
right in all three languages).
"""
import argparse
import csv
import os
import random

# id, English, Hebrew, Arabic, colour, intro
SECTORS = [
    ("agriculture", "Farming", "חקלאות", "الزراعة", "#247A2B",
     "Farmers share hills, seasons and markets."),
    ("business", "Business", "עסקים", "الأعمال", "#192C65",
     "Trade gives neighbours practical reasons to work together."),
    ("technology", "Technology", "טכנולוגיה", "التكنولوجيا", "#3A4F9A",
     "Code and start-ups know no borders."),
    ("education", "Education", "חינוך", "التعليم", "#602E79",
     "Classrooms where young people meet as equals."),
    ("music", "Music", "מוזיקה", "الموسيقى", "#8A2D6B",
     "Choirs and orchestras that sound better together."),
    ("water", "Water", "מים", "المياه", "#066C6C",
     "Water does not stop at any line drawn on a map."),
    ("health", "Health", "בריאות", "الصحة", "#A91E29",
     "In a clinic the only question is how to help the patient."),
    ("science", "Science", "מדע", "العلوم", "#144F8A",
     "Science has a common language of its own."),
    ("sport", "Sport", "ספורט", "الرياضة", "#C15110",
     "On the field, players are judged by how they pass the ball."),
]

# Per sector: kinds of initiative as (English, Hebrew, Arabic).
KINDS = {
    "agriculture": [
        ("Olive Growers' Cooperative", "קואופרטיב מגדלי הזיתים", "تعاونية مزارعي الزيتون"),
        ("Seed Bank", "בנק הזרעים", "بنك البذور"),
        ("Shared Orchard", "המטע המשותף", "البستان المشترك"),
        ("Farmers' Market", "שוק האיכרים", "سوق المزارعين"),
    ],
    "business": [
        ("Business Forum", "פורום העסקים", "منتدى الأعمال"),
        ("Women Entrepreneurs' Network", "רשת היזמיות", "شبكة رائدات الأعمال"),
        ("Trade Bridge", "גשר הסחר", "جسر التجارة"),
    ],
    "technology": [
        ("Coding School", "בית הספר לתכנות", "مدرسة البرمجة"),
        ("Startup Hub", "מרכז הסטארט-אפים", "مركز الشركات الناشئة"),
        ("Tech Mentors", "חונכי ההייטק", "مرشدو التكنولوجيا"),
    ],
    "education": [
        ("Bilingual School", "בית הספר הדו-לשוני", "المدرسة ثنائية اللغة"),
        ("Teachers' Circle", "מעגל המורים", "حلقة المعلمين"),
        ("Youth Dialogue Program", "תוכנית הדיאלוג לנוער", "برنامج الحوار للشباب"),
    ],
    "music": [
        ("Youth Orchestra", "תזמורת הנוער", "أوركسترا الشباب"),
        ("Joint Choir", "המקהלה המשותפת", "الجوقة المشتركة"),
        ("Music Workshop", "סדנת המוזיקה", "ورشة الموسيقى"),
    ],
    "water": [
        ("Water Forum", "פורום המים", "منتدى المياه"),
        ("River Restoration Project", "פרויקט שיקום הנחל", "مشروع إحياء النهر"),
        ("Rainwater Initiative", "יוזמת מי הגשמים", "مبادرة مياه الأمطار"),
    ],
    "health": [
        ("Community Clinic", "המרפאה הקהילתית", "العيادة المجتمعية"),
        ("Emergency Medicine Course", "קורס רפואה דחופה", "دورة طب الطوارئ"),
        ("Family Health Center", "המרכז לבריאות המשפחה", "مركز صحة الأسرة"),
    ],
    "science": [
        ("Science Club", "מועדון המדע", "نادي العلوم"),
        ("Astronomy Camp", "מחנה האסטרונומיה", "مخيم علم الفلك"),
        ("Environmental Research Lab", "מעבדת המחקר הסביבתי", "مختبر البحث البيئي"),
    ],
    "sport": [
        ("Football Academy", "אקדמיית הכדורגל", "أكاديمية كرة القدم"),
        ("Chess Club", "מועדון השחמט", "نادي الشطرنج"),
        ("Running Group", "קבוצת הריצה", "مجموعة الجري"),
        ("Basketball League", "ליגת הכדורסל", "دوري كرة السلة"),
    ],
}

# English, Hebrew "in <place>", Arabic place, region
PLACES = [
    ("Haifa", "בחיפה", "حيفا", "North"),
    ("Jerusalem", "בירושלים", "القدس", "Jerusalem"),
    ("Jaffa", "ביפו", "يافا", "Coast"),
    ("Nazareth", "בנצרת", "الناصرة", "North"),
    ("Acre", "בעכו", "عكا", "North"),
    ("Jenin", "בג'נין", "جنين", "West Bank"),
    ("Ramallah", "ברמאללה", "رام الله", "West Bank"),
    ("Bethlehem", "בבית לחם", "بيت لحم", "West Bank"),
    ("Hebron", "בחברון", "الخليل", "West Bank"),
    ("Jericho", "ביריחו", "أريحا", "West Bank"),
    ("Beersheba", "בבאר שבע", "بئر السبع", "South"),
    ("Tel Aviv", "בתל אביב", "تل أبيب", "Coast"),
    ("Tiberias", "בטבריה", "طبريا", "North"),
    ("Lod", "בלוד", "اللد", "Center"),
    ("Umm al-Fahm", "באום אל-פחם", "أم الفحم", "North"),
    ("Sakhnin", "בסח'נין", "سخنين", "North"),
    ("Galilee", "בגליל", "الجليل", "North"),
    ("Negev", "בנגב", "النقب", "South"),
]

FIRST = ["Miriam", "Ahmad", "Yael", "Omar", "Noa", "Rania", "David", "Samir",
         "Tamar", "Layla", "Yossi", "Huda", "Avi", "Nour", "Dalia", "Khaled"]
LAST = ["Cohen", "Khalil", "Levi", "Haddad", "Mizrahi", "Nasser", "Peretz",
        "Saleh", "Friedman", "Darwish", "Ben-Ami", "Awad"]
ROLES = ["teacher", "farmer", "coach", "nurse", "engineer", "student",
         "volunteer", "founder", "conductor", "researcher"]
PARTNERS = ["Rotary Club", "Ministry of Education", "Peres Center for Peace",
            "Local Council", "University Extension", "Chamber of Commerce",
            "Youth Movement", "Parents' Association", "Regional Water Authority",
            "Community Foundation", "Medical Association", "Sports Federation"]
QUOTES = [
    "We came as strangers and stayed as neighbours.",
    "Nobody asks where you are from once the work begins.",
    "Our children will remember that they built something together.",
    "It is hard to fear someone you have shared a meal with.",
    "Every season we learn a little more from each other.",
]

# Inline phrases: (text, its meaning in English).
HEBREW_PHRASES = [("יחד", "together"), ("שכנים טובים", "good neighbours"),
                  ("צעד אחר צעד", "step by step"), ("בית משותף", "a shared home")]
ARABIC_PHRASES = [("معاً", "together"), ("جيران طيبون", "good neighbours"),
                  ("خطوة بخطوة", "step by step"), ("بيت مشترك", "a shared home")]

SENTENCES = [
    "Every week, Israelis and Palestinians from {place} and the villages around it meet to plan the work ahead.",
    "The group started in {year} with a handful of neighbours and now counts {people} active members.",
    "Volunteers from both communities share the tasks, the costs and, in the end, the results.",
    "Meetings are held in Hebrew and Arabic, with English when guests come from abroad.",
    "What began as a small experiment has become a fixture of local life.",
    "Families come along on weekends, and the children often become friends before their parents do.",
    "The organisers say the hardest part was the first meeting; since then, trust has grown steadily.",
    "Each year ends with an open day where visitors can see what was achieved.",
    "Local councils on both sides have begun to support the work with small grants.",
    "Participants learn practical skills and, just as importantly, each other's languages.",
    "When the situation is tense, the group keeps meeting, because that is when it matters most.",
    "Several graduates have gone on to start similar projects in their own towns.",
    "The project relies on donations, a modest fee and a great deal of goodwill.",
    "Its founders hope that the model can be copied wherever neighbours live apart.",
]

HEBREW_SUMMARIES = [
    "המיזם מפגיש יהודים וערבים מאותו אזור ופועל מתוך אמונה בשותפות ובכבוד הדדי.",
    "המשתתפים נפגשים מדי שבוע, לומדים זה מזה ובונים יחד עתיד משותף.",
    "הפעילות פתוחה לכל הגילים ומתקיימת בעברית ובערבית.",
]
ARABIC_SUMMARIES = [
    "تجمع المبادرة يهوداً وعرباً من المنطقة نفسها، وتعمل انطلاقاً من الإيمان بالشراكة والاحترام المتبادل.",
    "يلتقي المشاركون كل أسبوع، ويتعلم بعضهم من بعض، ويبنون معاً مستقبلاً مشتركاً.",
    "النشاط مفتوح لجميع الأعمار ويجري باللغتين العربية والعبرية.",
]

COLUMNS = ["id", "name", "name_he", "name_ar", "sector", "location", "region",
           "founded", "participants", "partners", "url", "summary",
           "summary_he", "summary_ar", "quote", "quote_by"]


def summary(rng, place, year, people):
    """40 to 120 words of English, sometimes with a Hebrew or Arabic phrase."""
    target = rng.randint(40, 110)   # the inline phrase adds up to 10
    words = 0
    parts = []
    pool = SENTENCES[:]
    rng.shuffle(pool)
    while words < target and pool:
        s = pool.pop().format(place=place, year=year, people=f"{people:,}")
        if words >= 40 and words + len(s.split()) > 110:
            continue
        parts.append(s)
        words += len(s.split())
    if rng.random() < 0.2:
        text, meaning = rng.choice(HEBREW_PHRASES if rng.random() < 0.5 else ARABIC_PHRASES)
        parts.insert(rng.randrange(len(parts) + 1),
                     f"Members call it “{text}”, {meaning}.")
    return " ".join(parts)


def initiative(rng, i):
    sector = SECTORS[i % len(SECTORS)][0]
    kind_en, kind_he, kind_ar = rng.choice(KINDS[sector])
    place_en, place_he, place_ar, region = rng.choice(PLACES)
    year = rng.randint(1975, 2025)
    people = rng.choice([12, 25, 40, 80, 150, 300, 1200, 5000]) + rng.randint(0, 9)
    slug = (place_en + " " + kind_en).lower().replace("'", "")
    slug = "-".join("".join(c if c.isalnum() else " " for c in slug).split())
    row = {
        "id": f"{slug}-{i + 1}",
        "name": f"{place_en} {kind_en}",
        "name_he": f"{kind_he} {place_he}",
        "name_ar": f"{kind_ar} في {place_ar}",
        "sector": sector,
        "summary": summary(rng, place_en, year, people),
    }
    if rng.random() < 0.9:
        row["location"] = place_en
        row["region"] = region
    if rng.random() < 0.85:
        row["founded"] = str(year)
    if rng.random() < 0.75:
        row["participants"] = str(people)
    if rng.random() < 0.7:
        row["partners"] = "; ".join(rng.sample(PARTNERS, rng.randint(1, 3)))
    if rng.random() < 0.8:
        row["url"] = f"https://example.org/{row['id']}"
    if rng.random() < 0.2:
        row["summary_he"] = " ".join(rng.sample(HEBREW_SUMMARIES, 2))
        row["summary_ar"] = " ".join(rng.sample(ARABIC_SUMMARIES, 2))
    if rng.random() < 0.4:
        row["quote"] = rng.choice(QUOTES)
        row["quote_by"] = f"{rng.choice(FIRST)} {rng.choice(LAST)}, {rng.choice(ROLES)}"
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("count", type=int)
    ap.add_argument("dir")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    rng = random.Random(args.seed)
    with open(os.path.join(args.dir, "initiatives.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        w.writeheader()
        for i in range(args.count):
            w.writerow(initiative(rng, i))
    with open(os.path.join(args.dir, "sectors.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "name_he", "name_ar", "color", "intro"])
        for s in SECTORS:
            w.writerow(s)
    with open(os.path.join(args.dir, "edition.ini"), "w", encoding="utf-8") as f:
        f.write("; A synthetic edition from tests/gen_edition.py, for benchmarks.\n"
                "[edition]\n"
                f"title = Points of Light: {args.count:,} initiatives\n"
                "title_he = נקודות אור\n"
                "title_ar = نقاط مضيئة\n"
                "subtitle = A synthetic edition for measuring lightbook\n"
                "date = 2026-12-01\n"
                "publisher = lightbook benchmarks\n"
                "lang = en\n")


if __name__ == "__main__":
    main()
