/**
 * The business day: kamap's users work on China time, so "today" (a run's default asOf, a due date,
 * the demo's last day) is the date in Asia/Shanghai whatever the machine's zone.
 */
export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
