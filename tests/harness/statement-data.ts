/**
 * An Upwork transactions file (the 2023-on header, FACTS.md) of `lines` data lines: a day's hourly
 * earnings, each with its service fee, and a withdrawal every tenth day. For the
 * import's test and its benchmark.
 */
export const UPWORK_TRANSACTIONS_HEADER =
  'Date,Transaction ID,Transaction Type,Transaction Summary,Transaction Summary Details,Description 1,Description 2,Description 3,Agency,Freelancer,Team,Account Name,PO,Ref ID,Amount $,Amount in local currency,Currency,Current Balance $,Payment Method';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function upworkTransactions(lines: number, start = Date.UTC(2016, 0, 4)): string {
  const out = [UPWORK_TRANSACTIONS_HEADER];
  let week = 0;
  while (out.length - 1 < lines) {
    const d = new Date(start + week * 86_400_000);
    const day = `"${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}"`;
    const ref = 100_000 + week;
    const amount = (100 + (week % 17) * 12.5).toFixed(2);
    const fee = (Number(amount) / 10).toFixed(2);
    out.push(
      `${day},${3 * week},Hourly,"Invoice for week ${week}",,,,,,Ayesha Khan,"Client ${week % 40}, Ltd",,,${ref},${amount},,USD,1000.00,`,
    );
    out.push(
      `${day},${3 * week + 1},Service Fee,"Service Fee for Hourly - Ref ID ${ref}",,,,,,Ayesha Khan,,,,${ref},-${fee},,USD,900.00,`,
    );
    if (week % 10 === 9)
      out.push(
        `${day},${3 * week + 2},Withdrawal,"Withdrawal","Direct to Local Bank: xxxx-4821",,,,,Ayesha Khan,,,,${ref + 500_000},-500.00,"-139,000.00",PKR,400.00,Direct to Local Bank`,
      );
    week++;
  }
  return `${out.slice(0, lines + 1).join('\r\n')}\r\n`;
}
