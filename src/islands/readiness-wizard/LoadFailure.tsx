// What the visitor sees if the result's code cannot be fetched (a dropped connection): the answers
// are saved and the URL names the result, so a reload lands back on it.
import { Component, type ReactNode } from 'react';

export class LoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="rounded-card border border-warn-800/40 bg-warn-50 p-4 text-warn-800">
        <p className="font-semibold">Your result could not be loaded. Check your connection.</p>
        <p className="mt-1 text-sm">Your answers are saved in this browser.</p>
        <button type="button" onClick={() => window.location.reload()} className="btn-secondary mt-3">Try again</button>
      </div>
    );
  }
}
