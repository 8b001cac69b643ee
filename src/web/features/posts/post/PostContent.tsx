import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostDetail } from '../../../api/forumTypes';
import { Button } from '../../../ui/Button';
import { SanitizedHtml } from '../../../ui/SanitizedHtml';

/**
 * A post's body. Behind a content warning it stays hidden until the reader chooses "Show post";
 * the body then takes focus so a screen reader goes straight on to it.
 */
export function PostContent({ post }: { post: PostDetail }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const chosen = useRef(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const bodyId = useId();

  useEffect(() => {
    if (shown && chosen.current) bodyRef.current?.focus();
  }, [shown]);

  if (post.deleted || post.bodyHtml === null) return <p className="deleted-text">{t('posts.deletedText')}</p>;
  if (!post.contentWarning) return <SanitizedHtml className="prose post-body" html={post.bodyHtml} />;

  const warning = t(`contentWarnings.${post.contentWarning}`);
  return (
    <div className="warning-gate">
      <p className="warning-gate-text">{t('posts.warningGate', { warning })}</p>
      <Button
        variant="secondary"
        aria-expanded={shown}
        aria-controls={bodyId}
        onClick={() => {
          chosen.current = true;
          setShown((s) => !s);
        }}
      >
        {shown ? t('posts.hidePost') : t('posts.showPost')}
      </Button>
      <div id={bodyId} ref={bodyRef} tabIndex={-1} className="warning-gate-body">
        {shown && <SanitizedHtml className="prose post-body" html={post.bodyHtml} />}
      </div>
    </div>
  );
}
