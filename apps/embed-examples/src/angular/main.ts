// Angular 19 with the egov-vn elements (docs/embedding.md §4): a standalone component whose schema allows custom
// elements (CUSTOM_ELEMENTS_SCHEMA), an array bound as a property ([events]) and an egov-… event bound with (…).
// Compiled in the browser (JIT: @angular/compiler imported, a template string), so no Angular CLI is needed here;
// JIT evaluates generated code, hence the page's 'unsafe-eval' — an Angular CLI (AOT) build does not need it.
import '@angular/compiler';
import '@egov-vn/calendar-elements/month-calendar';
import '@egov-vn/calendar-elements/deadline';
import type { EgovMonthCalendarSelectEvent, MonthCalendarEvent } from '@egov-vn/calendar-elements/month-calendar';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideExperimentalZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

class AppComponent {
  readonly meetings: MonthCalendarEvent[] = [{ date: '2026-04-06', time: '08:00', title: 'Giao ban' }];
  readonly day = signal('');
  select(e: Event): void {
    this.day.set((e as EgovMonthCalendarSelectEvent).detail.date);
  }
}

// The decorator applied as a function (no TypeScript decorator transform needed).
Component({
  selector: 'app-root',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<main>
    <h1>Lịch họp (Angular 19)</h1>
    <egov-month-calendar month="2026-04" today="2026-04-01" [events]="meetings" (egov-month-calendar-select)="select($event)"></egov-month-calendar>
    <p id="day">Ngày đã chọn: {{ day() }}</p>
    <egov-deadline due="2026-02-26" today="2026-02-13"></egov-deadline>
  </main>`,
})(AppComponent);

bootstrapApplication(AppComponent, { providers: [provideExperimentalZonelessChangeDetection()] }).catch((e: unknown) => console.error(e));
