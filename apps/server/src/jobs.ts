import { evaluateAlerts, pushNewAlerts, sendDigests } from './modules/alerts/index.js';
import { recomputeRollups, runAnalysis } from './modules/analytics/index.js';
import { runCare } from './modules/care/index.js';
import { expireRegistrations } from './modules/channels/index.js';
import { escalateBreachedComplaints } from './modules/service/index.js';
import type { Config } from './platform/config.js';
import { type Database, retryOnDeadlock } from './platform/db/index.js';
import type { Job } from './platform/jobs/scheduler.js';
import { todayInChina } from './platform/today.js';

/** Every scheduled job of a kamap node; a job whose cron is null is off (its variable says `off`). */
export function scheduledJobs(database: Database, config: Config): Job[] {
  const delivery = {
    publicUrl: config.publicUrl,
    ...(config.smtpUrl ? { smtp: { url: config.smtpUrl, from: config.smtpFrom } } : {}),
  };
  return [
    {
      name: 'nightly-analysis',
      cron: config.analysisCron,
      description: 'rebuild the rollups and run the step-1 analysis as of today',
      run: async () => {
        await retryOnDeadlock(() => recomputeRollups(database));
        await retryOnDeadlock(() =>
          runAnalysis(database.db, { asOf: todayInChina(), trigger: 'schedule', startedBy: null }),
        );
      },
    },
    {
      name: 'alerts',
      cron: config.alertsCron,
      description:
        'escalate complaints past their SLA, expire lapsed registrations, evaluate the alert rules, push new alerts to group robots',
      run: async () => {
        await retryOnDeadlock(() => escalateBreachedComplaints(database.db));
        await expireRegistrations(database.db);
        await retryOnDeadlock(() => evaluateAlerts(database.db));
        await pushNewAlerts(database.db, delivery);
      },
    },
    {
      name: 'daily-care',
      cron: config.careCron,
      description: 'create care tasks (revisits, birthdays, festivals, anniversaries) for the owners',
      run: async () => {
        await retryOnDeadlock(() => runCare(database.db, todayInChina()));
      },
    },
    {
      name: 'alert-digest',
      cron: config.digestCron,
      description: 'e-mail each user the active alerts in their scope (needs KAMAP_SMTP_URL)',
      run: async () => {
        if (!delivery.smtp) throw new Error('KAMAP_SMTP_URL is not set; no digest sent');
        await sendDigests(database.db, delivery);
      },
    },
  ];
}
