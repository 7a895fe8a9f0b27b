/* half.h - IEEE 754 half precision (binary16) numbers, stored as their
 * 16 bits.
 *
 * A glyph run's adjustments (kerning, stretched word spaces) are one
 * number per character, kept from typesetting until the page is drawn:
 * 100,000 initiatives have some 50 million of them. In half precision an
 * adjustment of 3 points is kept within 0.001 point, and the memory is
 * half that of a float. C11 has no half type (and Debian's clang 14 none
 * on x86), hence the conversions here. */
#ifndef LIGHTBOOK_HALF_H
#define LIGHTBOOK_HALF_H

#include <stdint.h>

/* value rounded to the nearest half (ties to even); beyond the largest
 * (65504) it is infinite, as in IEEE 754. */
uint16_t half_from_float(float value);

/* The half's value, exactly. */
float half_to_float(uint16_t half);

#endif
