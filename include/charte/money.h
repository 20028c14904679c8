/* money.h — rule R2: integer cents, hundredths of quantities, hundredths of a percent. */
#ifndef CHARTE_MONEY_H
#define CHARTE_MONEY_H

#include <stdint.h>

#include "charte/parse.h"

/* Round num/den half away from zero (den > 0). */
int64_t money_div_round(int64_t num, int64_t den);
/* A line's amount excl. VAT: quantity (hundredths) x unit price (cents), rounded to the cent. */
cents money_line_excl(int64_t qty_hundredths, cents unit_price);
/* VAT on an amount excl. VAT at rate (hundredths of a percent), rounded to the cent. */
cents money_vat(cents excl, int rate);
/* The price incl. VAT: excl + money_vat(excl, rate). */
cents money_incl(cents excl, int rate);
/* R3: monthly amount incl. VAT of a recurring service: weekly hours (hundredths) x hourly
 * price incl. VAT (money_incl of the hourly price excl. VAT) x 52 / 12, rounded to the cent. */
cents money_monthly_recurring(int64_t weekly_hundredths, cents hourly_excl, int rate);

#endif
