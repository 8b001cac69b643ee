import { socketRooms } from '../../../shared/messaging.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { Realtime } from '../../platform/realtime/realtime.js';
import type { SupportService } from './support.service.js';

const SWEEP_MS = 5000;
const PURGE_MS = 60 * 60 * 1000;

/**
 * The queue, live: members and listeners hear when their request or offer changed; a
 * member whose last connection drops keeps their place for a while; and every few seconds
 * offers that ran out move on and requests nobody could take end kindly. Every node sweeps;
 * the guarded updates make that safe.
 */
export function supportSocket({ realtime, support, bus, log }: { realtime: Realtime; support: SupportService; bus: EventBus; log: { warn(obj: object, msg: string): void } }): void {
  bus.on('support.changed', async ({ memberIds }) => {
    for (const id of memberIds) realtime.io.to(socketRooms.member(id)).emit('support:changed');
  });

  bus.on('listener.duty_changed', async ({ memberId, status }) => {
    if (status === 'on') await support.match();
    else await support.withdrawOffersTo(memberId);
  });

  realtime.onConnection((socket) => {
    const memberId = socket.data.member.id;
    support.setAway(memberId, false).catch((err: unknown) => log.warn({ err }, 'a support request could not be marked back'));
    socket.on('disconnect', () => {
      // Away only when no other tab or device of theirs is still here.
      realtime.io
        .in(socketRooms.member(memberId))
        .fetchSockets()
        .then((left) => (left.length === 0 ? support.setAway(memberId, true) : undefined))
        .catch((err: unknown) => log.warn({ err }, 'a support request could not be marked away'));
    });
  });

  let lastPurge = 0;
  const timer = setInterval(() => {
    support
      .sweep()
      .then(() => support.match())
      .then(async () => {
        // Old transcripts go once an hour (every node may do it; deleting twice deletes nothing).
        if (Date.now() - lastPurge < PURGE_MS) return;
        lastPurge = Date.now();
        await support.purgeTranscripts();
      })
      .catch((err: unknown) => log.warn({ err }, 'the support queue sweep failed'));
  }, SWEEP_MS);
  timer.unref();
  realtime.onClose(() => clearInterval(timer));
}
