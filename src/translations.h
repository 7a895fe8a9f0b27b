/* translations.h - the booklet's fixed words in English, Hebrew and Arabic.
 *
 * Every word the booklet prints that does not come from the input
 * ("Contents", "Partners", the months of a date, "3 participants") is
 * looked up here by the edition's language, so that a Hebrew or Arabic
 * edition has no English left in it. Counted phrases go through
 * tr_count, which picks the grammatical form for the number (CLDR's
 * plural categories: Arabic has six, Hebrew three, English two).
 *
 * The texts are UTF-8 in logical order; typeset shapes and orders them. */
#ifndef LIGHTBOOK_TRANSLATIONS_H
#define LIGHTBOOK_TRANSLATIONS_H

#include "mem.h"

#include <stdbool.h>

enum lang {
	LANG_EN,
	LANG_HE,
	LANG_AR,
	LANG_COUNT,
};

/* A fixed word or phrase. */
enum string_id {
	STR_CONTENTS,          /* the contents' heading */
	STR_FOUNDED,           /* "Founded": the year follows, after a space */
	STR_PARTNER,           /* "Partner: " before one organisation */
	STR_PARTNERS,          /* "Partners: " before several */
	STR_NEW,               /* the mark beside a new initiative (feminine in
				  Hebrew and Arabic, as יוזמה and مبادرة are) */
	STR_UPDATED,           /* the mark beside a changed initiative */
	STR_CHANGES,           /* the appendix "Changes in this edition" */
	STR_CHANGES_NEW,       /* its list headings */
	STR_CHANGES_UPDATED,
	STR_CHANGES_REMOVED,
	STR_CHANGES_NONE,      /* the appendix when nothing changed */
	STR_FOREWORD,
	STR_INDEX,
	STR_AT_A_GLANCE,
	STR_LIST_COMMA,        /* between list items: an index entry's page numbers, place and region */
	/* The charts: titles; captions and key figures with {1}, {2}, {3}
	 * where tr_format puts its arguments (a count of initiatives is a
	 * COUNT_OF_ phrase, which agrees with its number). */
	STR_CHART_SECTORS,
	STR_CHART_PEOPLE,
	STR_CHART_FOUNDED,
	STR_CHART_REGIONS,
	STR_CAPTION_PEOPLE,    /* {1} reporting, {2} of all initiatives */
	STR_CAPTION_FOUNDED,   /* {1} reporting, {2} of all initiatives */
	STR_CAPTION_REGIONS,   /* {1} reporting, {2} of all initiatives */
	STR_FOUNDED_NONE,      /* {2} all initiatives */
	STR_REGIONS_NONE,      /* {2} all initiatives */
	STR_NO_NUMBERS,        /* in place of a value nobody reported */
	STR_SHARE_INITIATIVES, /* {1} this sector's, {2} of all initiatives, {3} percent */
	STR_SHARE_PEOPLE,      /* {1} this sector's, {2} of all people */
	STR_KEY_REPORTING,     /* {1} reporting, {2} of all initiatives */
	STR_YEARS_SPAN,        /* {1} first year, {2} last year */
	STR_NO_YEARS,
	STRING_COUNT,
};

/* A phrase with a number in it, e.g. "3 participants". */
enum counted_id {
	COUNT_PARTICIPANTS,
	/* "of N initiatives" ("من أصل 30 مبادرة"): Arabic's dual is genitive. */
	COUNT_OF_INITIATIVES,
	COUNT_OF_PEOPLE,
	/* Labels beside a number set apart (the key figures): the noun in
	 * the form the number asks for, without the number. */
	LABEL_INITIATIVES,
	LABEL_SECTORS,
	LABEL_PEOPLE_REACHED,
	LABEL_YEARS_COVERED,
	LABEL_PLACES,
	COUNTED_COUNT,
};

/* "en", "he" or "ar" into *lang; false for anything else. */
bool lang_parse(const char *code, enum lang *lang);
/* Hebrew and Arabic are written right to left. */
bool lang_is_rtl(enum lang lang);
/* The language's name in English ("Hebrew"), for messages. */
const char *lang_name(enum lang lang);

/* The fixed string in lang. Never NULL; static storage. */
const char *tr(enum lang lang, enum string_id id);

/* Appends n with its thousands grouped ("1,234,567"). */
void tr_number(struct buffer *out, long long n);

/* Appends the phrase for n things in lang, in the form the number takes
 * ("1 participant", "2 participants"; Arabic "مشاركان" for two). */
void tr_count(struct buffer *out, enum lang lang, enum counted_id id, long long n);

/* Appends the string id in lang with "{1}", "{2}", ... replaced by
 * args[0], args[1], ... (count of them). */
void tr_format(struct buffer *out, enum lang lang, enum string_id id,
	       const char *const *args, size_t count);

/* Appends a YYYY-MM-DD date written out in lang ("1 December 2026",
 * "1 בדצמבר 2026", "1 كانون الأول 2026"); anything else as written. */
void tr_date(struct buffer *out, enum lang lang, const char *iso);

#endif
