/* half.c - binary16 to and from binary32, bit by bit. */
#include "half.h"

#include <string.h>

uint16_t half_from_float(float value)
{
	uint32_t bits;
	memcpy(&bits, &value, sizeof bits);
	uint32_t sign = (bits >> 16) & 0x8000u;
	uint32_t exponent = (bits >> 23) & 0xFFu;
	uint32_t mantissa = bits & 0x7FFFFFu;
	if (exponent == 0xFF)   /* infinite, or not a number (kept so) */
		return (uint16_t)(sign | 0x7C00u | (mantissa ? 0x200u : 0));
	int biased = (int)exponent - 127 + 15;
	if (biased >= 0x1F)
		return (uint16_t)(sign | 0x7C00u);
	if (biased <= 0) {
		/* A subnormal half: the implicit bit joins the mantissa, which
		 * is shifted right, rounding what falls off. */
		if (biased < -10)
			return (uint16_t)sign;
		mantissa |= 0x800000u;
		unsigned shift = (unsigned)(14 - biased);
		uint32_t half = mantissa >> shift;
		uint32_t rest = mantissa & ((1u << shift) - 1);
		uint32_t halfway = 1u << (shift - 1);
		if (rest > halfway || (rest == halfway && (half & 1)))
			half++;
		return (uint16_t)(sign | half);
	}
	uint32_t half = sign | ((uint32_t)biased << 10) | (mantissa >> 13);
	uint32_t rest = mantissa & 0x1FFFu;
	/* Rounding up may carry into the exponent: the next power of two,
	 * or infinity, as it should. */
	if (rest > 0x1000u || (rest == 0x1000u && (half & 1)))
		half++;
	return (uint16_t)half;
}

float half_to_float(uint16_t half)
{
	uint32_t sign = (uint32_t)(half & 0x8000u) << 16;
	uint32_t exponent = (half >> 10) & 0x1Fu;
	uint32_t mantissa = half & 0x3FFu;
	uint32_t bits;
	if (exponent == 0x1F) {
		bits = sign | 0x7F800000u | (mantissa << 13);
	} else if (exponent != 0) {
		bits = sign | ((exponent - 15 + 127) << 23) | (mantissa << 13);
	} else if (mantissa == 0) {
		bits = sign;
	} else {
		/* Subnormal: shift until the leading bit is the implicit one. */
		uint32_t shifts = 0;
		while (!(mantissa & 0x400u)) {
			mantissa <<= 1;
			shifts++;
		}
		bits = sign | ((127 - 15 + 1 - shifts) << 23) | ((mantissa & 0x3FFu) << 13);
	}
	float value;
	memcpy(&value, &bits, sizeof value);
	return value;
}
