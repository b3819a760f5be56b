/** The working-day calendar: shipped schedule, operator edits, due dates. */
import { AppointmentResolver } from './appointment.resolver';
import { CalendarResolver } from './calendar.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CALENDAR_RESOLVERS: Function[] = [CalendarResolver, AppointmentResolver];

export { seedCalendar, SEED_ACTOR } from './seed-calendar';
export { SHIPPED_CALENDAR, type ShippedCalendarEntry } from './shipped-calendar';
export { calendarStoreFor } from './calendar-store-registry';
export { appointmentFor, computeAppointment, type AppointmentDeps, type AppointmentRequest } from './appointment-date';
