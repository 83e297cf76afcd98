import { z } from 'zod';

/**
 * Commands the desktop menu asks the page to carry out. The page owns the actions (and the same
 * keyboard shortcuts), so a menu click and a key press do the one thing the same way.
 */
export const APP_COMMANDS = ['model.new', 'editor.save', 'model.create'] as const;
export const appCommandSchema = z.enum(APP_COMMANDS);
export type AppCommand = z.infer<typeof appCommandSchema>;

export const menuCommandEventSchema = z.object({ command: appCommandSchema });
export type MenuCommandEvent = z.infer<typeof menuCommandEventSchema>;

/** A click on the system notification for a finished job: the page shows what it was about. */
export const notificationClickedEventSchema = z.object({ kind: z.enum(['create', 'pull']), target: z.string() });
export type NotificationClicked = z.infer<typeof notificationClickedEventSchema>;
