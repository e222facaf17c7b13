import { configure, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import type { Me } from '../../../contracts/auth.js';
import { AppProviders } from '../AppProviders.js';
import type { Language } from '../i18n/language.js';
import { createQueryClient } from '../session/queryClient.js';

// Lazy routes are compiled on first use, which can take seconds on a cold, busy machine.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no ResizeObserver, which antd's Menu and Tabs observe with.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}

// jsdom computes no styles for pseudo-elements and reports each attempt as an error; antd's
// Table asks for the scrollbar's (::-webkit-scrollbar) when it mounts. Answer with the element's own.
if (typeof window !== 'undefined') {
  const computedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computedStyle(element);
}

/** Renders UI inside the app's providers and an in-memory router. */
export function renderApp(
  ui: ReactNode,
  { route = '/', language }: { route?: string; language?: Language } = {},
) {
  const queryClient = createQueryClient();
  const result = render(
    <AppProviders language={language} queryClient={queryClient}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { ...result, queryClient };
}

export function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  requestId = 'req-test-1',
): Response {
  return jsonResponse(status, { error: { code, message }, requestId });
}

export type FetchHandler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** Replaces global fetch; returns the mock so tests can read the calls made. */
export function mockFetch(handler: FetchHandler) {
  const fn = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(handler(String(input), init ?? {})),
  );
  vi.stubGlobal('fetch', fn);
  return fn;
}

export function staffUser(overrides: Partial<Me> = {}): Me {
  return {
    id: 'u-1',
    kind: 'staff',
    username: 'lan.nguyen',
    displayName: 'Nguyễn Thị Lan',
    personalId: null,
    roles: [{ role: 'doj_officer', unitId: '01', unitName: 'Thành phố Hà Nội' }],
    permissions: [],
    mustChangePassword: false,
    totpEnabled: true,
    restriction: null,
    ...overrides,
  };
}
