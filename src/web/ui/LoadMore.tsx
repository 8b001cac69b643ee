import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { LoadError } from './Status';

/** The parts of an infinite query that "Load more" needs. */
interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: Error | null;
  fetchNextPage: () => Promise<unknown>;
}

interface LoadMoreProps {
  pager: Pager;
  /** The list the pages go into: focus moves to the first new item once it arrives. */
  listRef: RefObject<HTMLElement | null>;
  /** How many items the list shows now. */
  count: number;
  label?: string;
}

/** "Load more" under a cursor-paged list; the newly loaded items take focus, so keyboard users go on reading. */
export function LoadMore({ pager, listRef, count, label }: LoadMoreProps) {
  const { t } = useTranslation();
  const more = async () => {
    await pager.fetchNextPage();
    requestAnimationFrame(() => {
      const first = listRef.current?.children[count];
      first?.querySelector<HTMLElement>('a[href], button')?.focus();
    });
  };
  return (
    <>
      {pager.isFetchNextPageError && <LoadError message={pager.error?.message ?? t('errors.unexpected')} onRetry={() => void more()} />}
      {pager.hasNextPage && (
        <div className="form-actions">
          <Button variant="secondary" busy={pager.isFetchingNextPage} busyLabel={t('lists.loadingMore')} onClick={() => void more()}>
            {label ?? t('lists.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
