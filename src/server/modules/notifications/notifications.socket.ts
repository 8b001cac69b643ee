import { socketRooms } from '../../../shared/messaging.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { Realtime } from '../../platform/realtime/realtime.js';
import type { NotificationsService } from './notifications.service.js';

/** The unread badge follows every change live, on every tab and device of the member. */
export function notificationsSocket({ realtime, notifications, bus }: { realtime: Realtime; notifications: NotificationsService; bus: EventBus }): void {
  bus.on('notifications.changed', async ({ memberIds }) => {
    for (const memberId of new Set(memberIds)) {
      realtime.io.to(socketRooms.member(memberId)).emit('notifications:changed', { unread: await notifications.unread(memberId) });
    }
  });
}
