import { Card } from '../components/Card';
import { Skeleton } from '../components/LoadingState';

/**
 * Grey blocks in the shape of the mood page's four figures and first two charts, so the page does not jump when the
 * figures arrive: shown while they load (DashboardLoading) and while the server computes a new view (MoodComputing).
 */
export function MoodSkeleton() {
  return (
    <>
      <div className="mood-stats" aria-hidden="true">
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className="mood-stat">
            <Skeleton rows={2} />
          </div>
        ))}
      </div>
      <div className="mood-grid" aria-hidden="true">
        <Card>
          <Skeleton rows={6} />
        </Card>
        <Card>
          <Skeleton rows={6} />
        </Card>
      </div>
    </>
  );
}
