// A part of the app whose code is loaded when it is first shown, not with the
// page (docs/performance.md, "What is loaded when"): the dialogs, the panels
// that start closed, the version view, the pages of other routes. It renders
// inside a <LazyBoundary>, which shows 加载中… meanwhile and a message with a
// retry when the code cannot be fetched (offline before the service worker
// has cached it, or after a new build replaced the files).
//
// Built on `use()` rather than React.lazy: a React.lazy component that failed
// to load stays failed for good, whereas this one fetches again on a retry.
import { use, type ComponentType } from 'react';

/** The code of a lazy part could not be fetched (LazyBoundary tells these from other errors). */
export class PartLoadError extends Error {
  constructor(
    cause: unknown,
    /** Lets the next render fetch it again (until then it stays failed, or React would re-render into a new fetch each time). */
    readonly forget: () => void,
  ) {
    super('A part of the app could not be loaded', { cause });
    this.name = 'PartLoadError';
  }
}

export interface LazyPart<P extends object> {
  /** Renders the part, suspending until its code is here. */
  Component: ComponentType<P>;
  /** Starts fetching the code now, before the part is shown (e.g. the page of the route being opened). */
  preload: () => void;
}

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  /** Once here: rendered at once, without suspending (a part preloaded before it is shown shows no 加载中…). */
  let loaded: ComponentType<P> | null = null;
  const start = (): Promise<ComponentType<P>> => {
    if (loading) return loading;
    const promise = load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        throw new PartLoadError(error, () => {
          if (loading === promise) loading = null;
        });
      },
    );
    loading = promise;
    return promise;
  };

  function Part(props: P) {
    // use() may be called conditionally, unlike other hooks.
    const Loaded = loaded ?? use(start());
    return <Loaded {...props} />;
  }
  return {
    Component: Part,
    preload: () => void start().catch(() => undefined),
  };
}
