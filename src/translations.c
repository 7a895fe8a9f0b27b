/* translations.c - the translations table: every fixed word of the booklet in
 * English, Hebrew and Arabic, counted phrases in their plural forms, and
 * dates written out in each language. */
#include "translations.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char *const codes[LANG_COUNT] = {"en", "he", "ar"};
static const char *const names[LANG_COUNT] = {"English", "Hebrew", "Arabic"};

static const char *const table[STRING_COUNT][LANG_COUNT] = {
	[STR_CONTENTS] = {"Contents", "תוכן העניינים", "المحتويات"},
	[STR_FOUNDED] = {"Founded", "שנת הקמה", "سنة التأسيس"},
	[STR_PARTNER] = {"Partner: ", "שותף: ", "الشريك: "},
	[STR_PARTNERS] = {"Partners: ", "שותפים: ", "الشركاء: "},
	[STR_NEW] = {"New", "חדשה", "جديدة"},
	[STR_UPDATED] = {"Updated", "עודכנה", "محدثة"},
	[STR_CHANGES] = {"Changes in this edition", "שינויים במהדורה זו",
			 "التغييرات في هذه الطبعة"},
	[STR_CHANGES_NEW] = {"New initiatives", "יוזמות חדשות", "مبادرات جديدة"},
	[STR_CHANGES_UPDATED] = {"Updated initiatives", "יוזמות שעודכנו", "مبادرات محدثة"},
	[STR_CHANGES_REMOVED] = {"Removed initiatives", "יוזמות שהוסרו", "مبادرات محذوفة"},
	[STR_CHANGES_NONE] = {"No initiative was added, changed or removed.",
			      "לא נוספו יוזמות, ולא שונו או הוסרו יוזמות קיימות.",
			      "لم تضف أي مبادرة جديدة، ولم تعدل أو تحذف أي مبادرة."},
	[STR_FOREWORD] = {"Foreword", "פתח דבר", "تمهيد"},
	[STR_INDEX] = {"Index", "מפתח", "الفهرس الأبجدي"},
	[STR_AT_A_GLANCE] = {"At a glance", "במבט כולל", "لمحة عامة"},
	[STR_LIST_COMMA] = {",", ",", "،"},
	[STR_CHART_SECTORS] = {"Initiatives per sector", "יוזמות לפי תחום",
			       "المبادرات حسب القطاع"},
	[STR_CHART_PEOPLE] = {"People reached per sector", "משתתפים לפי תחום",
			      "المشاركون حسب القطاع"},
	[STR_CHART_FOUNDED] = {"Initiatives by year founded", "יוזמות לפי שנת הקמה",
			       "المبادرات حسب سنة التأسيس"},
	[STR_CHART_REGIONS] = {"Initiatives by region", "יוזמות לפי אזור",
			       "المبادرات حسب المنطقة"},
	[STR_CAPTION_PEOPLE] = {
		"{1} of {2} report numbers; the others are not counted.",
		"מספר המשתתפים מדווח ב־{1} מתוך {2}; האחרות אינן נספרות.",
		"عدد المشاركين مذكور في {1} من أصل {2}، ولا تحتسب المبادرات الأخرى."},
	[STR_CAPTION_FOUNDED] = {
		"{1} of {2} give the year they were founded.",
		"שנת ההקמה ידועה ב־{1} מתוך {2}.",
		"سنة التأسيس معروفة في {1} من أصل {2}."},
	[STR_CAPTION_REGIONS] = {
		"{1} of {2} name a region.",
		"אזור צוין ב־{1} מתוך {2}.",
		"المنطقة مذكورة في {1} من أصل {2}."},
	[STR_FOUNDED_NONE] = {
		"None of the {2} gives the year it was founded.",
		"באף אחת מ־{2} לא צוינה שנת ההקמה.",
		"لم تذكر أي من {2} سنة تأسيسها."},
	[STR_REGIONS_NONE] = {
		"None of the {2} names a region.",
		"באף אחת מ־{2} לא צוין אזור.",
		"لم تذكر أي من {2} منطقتها."},
	[STR_NO_NUMBERS] = {"no numbers", "אין נתונים", "لا توجد أرقام"},
	[STR_SHARE_INITIATIVES] = {"{1} of the booklet\u2019s {2} ({3}%)",
				   "{1} מתוך {2} בחוברת ({3}%)",
				   "{1} من أصل {2} في الكتيب ({3}%)"},
	[STR_SHARE_PEOPLE] = {", {1} of {2} reached", ", {1} מתוך {2}",
			      "، {1} من أصل {2}"},
	[STR_KEY_REPORTING] = {"({1} of {2} report numbers)", "(מדווח ב־{1} מתוך {2})",
			       "(مذكور في {1} من أصل {2})"},
	[STR_YEARS_SPAN] = {"{1} to {2}", "{1} עד {2}", "من {1} إلى {2}"},
	[STR_NO_YEARS] = {"no initiative gives the year it was founded",
			  "באף יוזמה לא צוינה שנת הקמה",
			  "لا تذكر أي مبادرة سنة تأسيسها"},
};

/* CLDR's plural categories; a language uses some of them. */
enum plural { ZERO, ONE, TWO, FEW, MANY, OTHER, PLURAL_COUNT };

/* Each form holds "%n" where the number goes, or none when the words
 * say the number ("مشارك واحد", one participant). A NULL form falls
 * back to OTHER. */
static const char *const counted[COUNTED_COUNT][LANG_COUNT][PLURAL_COUNT] = {
	[COUNT_PARTICIPANTS] = {
		[LANG_EN] = {[ONE] = "%n participant", [OTHER] = "%n participants"},
		[LANG_HE] = {[ONE] = "משתתף אחד", [TWO] = "שני משתתפים",
			     [OTHER] = "%n משתתפים"},
		[LANG_AR] = {[ONE] = "مشارك واحد", [TWO] = "مشاركان",
			     [FEW] = "%n مشاركين", [MANY] = "%n مشاركا",
			     [OTHER] = "%n مشارك"},
	},

	[COUNT_OF_INITIATIVES] = {
		[LANG_EN] = {[ONE] = "%n initiative", [OTHER] = "%n initiatives"},
		[LANG_HE] = {[ONE] = "יוזמה אחת", [TWO] = "שתי יוזמות",
			     [OTHER] = "%n יוזמות"},
		[LANG_AR] = {[ONE] = "مبادرة واحدة", [TWO] = "مبادرتين",
			     [FEW] = "%n مبادرات", [MANY] = "%n مبادرة",
			     [OTHER] = "%n مبادرة"},
	},
	[COUNT_OF_PEOPLE] = {
		[LANG_EN] = {[ONE] = "%n person", [OTHER] = "%n people"},
		[LANG_HE] = {[ONE] = "משתתף אחד", [TWO] = "שני משתתפים",
			     [OTHER] = "%n משתתפים"},
		[LANG_AR] = {[ONE] = "مشارك واحد", [TWO] = "مشاركين اثنين",
			     [FEW] = "%n مشاركين", [MANY] = "%n مشاركا",
			     [OTHER] = "%n مشارك"},
	},
	[LABEL_INITIATIVES] = {
		[LANG_EN] = {[ONE] = "initiative", [OTHER] = "initiatives"},
		[LANG_HE] = {[ONE] = "יוזמה", [OTHER] = "יוזמות"},
		[LANG_AR] = {[ONE] = "مبادرة", [TWO] = "مبادرتان", [FEW] = "مبادرات",
			     [OTHER] = "مبادرة"},
	},
	[LABEL_SECTORS] = {
		[LANG_EN] = {[ONE] = "sector", [OTHER] = "sectors"},
		[LANG_HE] = {[ONE] = "תחום", [OTHER] = "תחומים"},
		[LANG_AR] = {[ONE] = "قطاع", [TWO] = "قطاعان", [FEW] = "قطاعات",
			     [MANY] = "قطاعا", [OTHER] = "قطاع"},
	},
	[LABEL_PEOPLE_REACHED] = {
		[LANG_EN] = {[ONE] = "person reached", [OTHER] = "people reached"},
		[LANG_HE] = {[ONE] = "משתתף", [OTHER] = "משתתפים"},
		[LANG_AR] = {[ONE] = "مشارك", [TWO] = "مشاركان", [FEW] = "مشاركين",
			     [MANY] = "مشاركا", [OTHER] = "مشارك"},
	},
	[LABEL_YEARS_COVERED] = {
		[LANG_EN] = {[ONE] = "year covered", [OTHER] = "years covered"},
		[LANG_HE] = {[ONE] = "שנת פעילות", [OTHER] = "שנות פעילות"},
		[LANG_AR] = {[ONE] = "سنة", [TWO] = "سنتان", [FEW] = "سنوات",
			     [OTHER] = "سنة"},
	},
	[LABEL_PLACES] = {
		[LANG_EN] = {[ONE] = "place", [OTHER] = "places"},
		[LANG_HE] = {[ONE] = "מקום", [OTHER] = "מקומות"},
		[LANG_AR] = {[ONE] = "مكان", [TWO] = "مكانان", [FEW] = "أماكن",
			     [MANY] = "مكانا", [OTHER] = "مكان"},
	},

};

static const char *const months[LANG_COUNT][12] = {
	[LANG_EN] = {"January", "February", "March", "April", "May", "June", "July",
		     "August", "September", "October", "November", "December"},
	/* "1 בדצמבר 2026": the month takes the preposition. */
	[LANG_HE] = {"בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני", "ביולי",
		     "באוגוסט", "בספטמבר", "באוקטובר", "בנובמבר", "בדצמבר"},
	/* The Levantine names, used in Palestine, Jordan, Syria and Lebanon. */
	[LANG_AR] = {"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
		     "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"},
};

bool lang_parse(const char *code, enum lang *lang)
{
	for (int l = 0; l < LANG_COUNT; l++)
		if (strcmp(code, codes[l]) == 0) {
			*lang = (enum lang)l;
			return true;
		}
	return false;
}

bool lang_is_rtl(enum lang lang)
{
	return lang == LANG_HE || lang == LANG_AR;
}

const char *lang_name(enum lang lang)
{
	return names[lang];
}

const char *tr(enum lang lang, enum string_id id)
{
	return table[id][lang];
}

void tr_number(struct buffer *out, long long n)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%lld", n < 0 ? -n : n);
	if (n < 0)
		buffer_append_str(out, "-");
	size_t len = strlen(digits);
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buffer_append_str(out, ",");
		buffer_append(out, &digits[i], 1);
	}
}

/* The plural category of a whole number n >= 0 (CLDR's rules for
 * integers). */
static enum plural plural_of(enum lang lang, long long n)
{
	switch (lang) {
	case LANG_HE:
		return n == 1 ? ONE : n == 2 ? TWO : OTHER;
	case LANG_AR: {
		long long h = n % 100;
		if (n == 0)
			return ZERO;
		if (n == 1)
			return ONE;
		if (n == 2)
			return TWO;
		if (h >= 3 && h <= 10)
			return FEW;
		if (h >= 11 && h <= 99)
			return MANY;
		return OTHER;
	}
	default:
		return n == 1 ? ONE : OTHER;
	}
}

void tr_count(struct buffer *out, enum lang lang, enum counted_id id, long long n)
{
	const char *form = counted[id][lang][plural_of(lang, n < 0 ? -n : n)];
	if (!form)
		form = counted[id][lang][OTHER];
	const char *slot = strstr(form, "%n");
	if (!slot) {
		buffer_append_str(out, form);
		return;
	}
	buffer_append(out, form, (size_t)(slot - form));
	tr_number(out, n);
	buffer_append_str(out, slot + 2);
}

void tr_format(struct buffer *out, enum lang lang, enum string_id id,
	       const char *const *args, size_t count)
{
	const char *p = table[id][lang];
	for (const char *slot; (slot = strchr(p, '{'));) {
		size_t k = slot[1] >= '1' && slot[1] <= '9' && slot[2] == '}'
			   ? (size_t)(slot[1] - '1') : SIZE_MAX;
		if (k >= count) {   /* not a slot: the brace as written */
			buffer_append(out, p, (size_t)(slot - p) + 1);
			p = slot + 1;
			continue;
		}
		buffer_append(out, p, (size_t)(slot - p));
		buffer_append_str(out, args[k]);
		p = slot + 3;
	}
	buffer_append_str(out, p);
}

void tr_date(struct buffer *out, enum lang lang, const char *iso)
{
	int y, m, d;
	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
		buffer_printf(out, "%d %s %d", d, months[lang][m - 1], y);
	else
		buffer_append_str(out, iso);
}
