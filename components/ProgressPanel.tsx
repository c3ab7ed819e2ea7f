import type { ReviewProgress } from '@/lib/protocol';
import { DayChart } from './DayChart';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The review page's progress: the day's figures, retention, words by status, and two charts. */
export function ProgressPanel({ progress, days }: { progress: ReviewProgress; days: readonly string[] }) {
  const { retention, words } = progress;
  const today = progress.reviewsPerDay.at(-1) ?? 0;
  const share = retention.reviews ? Math.round((100 * retention.passed) / retention.reviews) : null;
  const allWords = words.new + words.learning + words.known;
  const pct = (n: number) => (allWords ? `${(100 * n) / allWords}%` : '0');
  return (
    <section class="progress" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <dl class="tiles">
        <div>
          <dt>Reviewed today</dt>
          <dd data-testid="reviewed-today">{today}</dd>
        </div>
        <div>
          <dt>Streak</dt>
          <dd>{plural(progress.streak, 'day')}</dd>
        </div>
        <div>
          <dt>Retention, last {retention.days} days</dt>
          <dd>
            {share === null ? '–' : `${share}%`}
            <span class="tile-note">
              {share === null ? 'no reviews of learnt cards yet' : `of ${plural(retention.reviews, 'review')}`}
            </span>
          </dd>
        </div>
        <div>
          <dt>Words</dt>
          <dd>
            {plural(words.known, 'known word')}
            <span class="tile-note">
              {words.learning} learning · {words.new} new
            </span>
          </dd>
        </div>
      </dl>
      {allWords > 0 && (
        <div
          class="status-bar"
          role="img"
          aria-label={`${words.known} known, ${words.learning} learning, ${words.new} new`}
        >
          <span class="status-known" style={{ width: pct(words.known) }} />
          <span class="status-learning" style={{ width: pct(words.learning) }} />
          <span class="status-new" style={{ width: pct(words.new) }} />
        </div>
      )}
      <h3>Reviews per day</h3>
      <DayChart
        kind="bars"
        values={progress.reviewsPerDay}
        days={days}
        unit="reviews"
        label="Reviews per day over the last 90 days"
      />
      <h3>Words known</h3>
      <DayChart
        kind="line"
        values={progress.knownPerDay}
        days={days}
        unit="words known"
        label="Words known over the last 90 days"
      />
    </section>
  );
}
