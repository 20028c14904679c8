/* money.c — rule R2 in integers: no floating point anywhere money is computed. */
#include "charte/money.h"

int64_t money_div_round(int64_t num, int64_t den)
{
	int64_t q = num / den, r = num % den;
	if (r < 0)
		r = -r;
	if (2 * r >= den)
		q += num < 0 ? -1 : 1;
	return q;
}

cents money_line_excl(int64_t qty_hundredths, cents unit_price)
{
	return money_div_round(qty_hundredths * unit_price, 100);
}

cents money_vat(cents excl, int rate)
{
	return money_div_round(excl * rate, 10000);
}

cents money_incl(cents excl, int rate)
{
	return excl + money_vat(excl, rate);
}

cents money_monthly_recurring(int64_t weekly_hundredths, cents hourly_excl, int rate)
{
	cents hourly_incl = money_incl(hourly_excl, rate);
	return money_div_round(weekly_hundredths * hourly_incl * 52, 100 * 12);
}
