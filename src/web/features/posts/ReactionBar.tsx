import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REACTIONS } from '../../../shared/forum-rules';
import { api } from '../../api/client';
import type { ReactionCounts, ReactionKind, ReactionState } from '../../api/forumTypes';
import { useSession } from '../../api/session';
import { Button } from '../../ui/Button';
import { patchPost, postPath } from './api';
import { patchReply, replyPath } from './replies/api';

export type ReactionTarget = { type: 'post'; id: string } | { type: 'reply'; id: string; postId: string };

function useReaction(target: ReactionTarget) {
  const queryClient = useQueryClient();
  const base = target.type === 'post' ? postPath(target.id) : replyPath(target.id);
  return useMutation({
    mutationFn: ({ kind, on }: { kind: ReactionKind; on: boolean }) => api<ReactionState>(`${base}/reactions/${kind}`, { method: on ? 'PUT' : 'DELETE' }),
    onSuccess: (state) => (target.type === 'post' ? patchPost(queryClient, target.id, state) : patchReply(queryClient, target.postId, target.id, state)),
  });
}

interface ReactionBarProps {
  target: ReactionTarget;
  reactions: ReactionCounts;
  myReactions: ReactionKind[];
  /** Names the group of buttons, e.g. "Reactions to this post". */
  label: string;
}

/** The four supportive reactions as toggle buttons ("Sending a hug (3)"), or their counts for visitors. */
export function ReactionBar({ target, reactions, myReactions, label }: ReactionBarProps) {
  const { t } = useTranslation();
  const { member } = useSession();
  const react = useReaction(target);
  if (!member) return <ReactionSummary reactions={reactions} />;
  return (
    <div className="reactions">
      <div className="reaction-row" role="group" aria-label={label}>
        {REACTIONS.map((kind) => {
          const pressed = myReactions.includes(kind);
          return (
            <Button
              key={kind}
              variant="secondary"
              className="reaction"
              aria-pressed={pressed}
              busy={react.isPending && react.variables?.kind === kind}
              onClick={() => !react.isPending && react.mutate({ kind, on: !pressed })}
            >
              {t(`reactions.${kind}`)} <span className="reaction-count">({reactions[kind]})</span>
            </Button>
          );
        })}
      </div>
      {react.isError && (
        <p className="field-error" role="alert">
          {react.error.message}
        </p>
      )}
    </div>
  );
}

/** The reactions something has had, in words: "Sending a hug 3 · Me too 1". Nothing when none. */
export function ReactionSummary({ reactions }: { reactions: ReactionCounts }) {
  const { t } = useTranslation();
  const given = REACTIONS.filter((kind) => reactions[kind] > 0);
  if (given.length === 0) return null;
  return <span className="reaction-summary">{given.map((kind) => `${t(`reactions.${kind}`)} ${reactions[kind]}`).join(' · ')}</span>;
}
