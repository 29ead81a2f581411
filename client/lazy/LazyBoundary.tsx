// Where a lazy part (lazyPart.tsx) appears: what is shown while its code
// loads, and when it cannot be loaded, a message with a retry instead of an
// empty space. Other errors are not ours to handle: they go on up as before.
import { Component, Suspense, type ReactNode } from 'react';
import { PartLoadError } from './lazyPart.js';

interface LazyBoundaryProps {
  /** Shown while the code loads. */
  loading: ReactNode;
  /** Shown when it could not be loaded; `retry` fetches it again. */
  failed: (retry: () => void) => ReactNode;
  children: ReactNode;
}

interface LazyBoundaryState {
  /** What the children threw, if anything. */
  error: { thrown: unknown } | null;
}

export class LazyBoundary extends Component<LazyBoundaryProps, LazyBoundaryState> {
  override state: LazyBoundaryState = { error: null };

  static getDerivedStateFromError(thrown: unknown): LazyBoundaryState {
    return { error: { thrown } };
  }

  private readonly retry = () => {
    const { error } = this.state;
    if (error?.thrown instanceof PartLoadError) error.thrown.forget();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (error) {
      // Only load failures are handled here: anything else goes on to the boundaries above, as without this one.
      if (!(error.thrown instanceof PartLoadError)) throw error.thrown;
      return this.props.failed(this.retry);
    }
    return <Suspense fallback={this.props.loading}>{this.props.children}</Suspense>;
  }
}
