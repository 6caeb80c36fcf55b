/**
 * When the task pane cannot start at all — the Excel host's chunk does not load, or the React
 * tree fails to render — the user gets an Italian message instead of a blank pane. The message is
 * written at once with nothing but the DOM (or the boundary's fallback); then ./office-helpers is
 * fetched, on this path only, for the banner with the details and the log.
 */
import { Component, type ReactNode } from "react";
import { strings } from "../ui/strings";

type OfficeHelpersModule = typeof import("./office-helpers");

/** Loads ./office-helpers in its own async chunk; injectable for tests. */
export type OfficeHelpersLoader = () => Promise<Pick<OfficeHelpersModule, "notifyStartupFailure">>;

const loadOfficeHelpers: OfficeHelpersLoader = () => import(/* webpackChunkName: "office-helpers" */ "./office-helpers");

/** The Italian message for a failure to start. */
export function startupMessage(error: unknown): string {
  // webpack's message names a chunk number and a URL: the user needs to know it is the network.
  if (error instanceof Error && error.name === "ChunkLoadError") return strings.errors.startup(strings.errors.chunkLoad);
  const detail = error instanceof Error ? error.message || error.name : String(error);
  return strings.errors.startup(detail);
}

/**
 * Shows the banner and logs the failure through ./office-helpers. Never throws: when even that
 * chunk cannot be fetched (the network that lost the host's chunk), the message already on the
 * page stays, and the console keeps both errors for support.
 */
export async function notifyStartupFailure(error: unknown, load: OfficeHelpersLoader = loadOfficeHelpers): Promise<void> {
  try {
    const helpers = await load();
    helpers.notifyStartupFailure(error, {
      title: strings.errors.startupTitle,
      message: startupMessage(error),
      detailsLabel: strings.errors.startupDetails,
      closeLabel: strings.errors.dismiss,
    });
  } catch (helpersError) {
    console.error("Schede Obiettivo non è partito:", error, helpersError);
  }
}

/** Before React renders: the message replaces the pane's content, then the banner follows. */
export async function showStartupFailure(container: HTMLElement, error: unknown, load?: OfficeHelpersLoader): Promise<void> {
  container.textContent = startupMessage(error);
  container.setAttribute("role", "alert");
  await notifyStartupFailure(error, load);
}

interface StartupBoundaryProps {
  children: ReactNode;
  /** Defaults to the dynamic import of ./office-helpers. */
  load?: OfficeHelpersLoader;
}

/**
 * Catches a render failure of the whole pane (React unmounts a tree whose error nobody catches,
 * leaving it blank): shows the message in place and reports it through ./office-helpers.
 */
export class StartupBoundary extends Component<StartupBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error("render") };
  }

  override componentDidCatch(error: unknown): void {
    void notifyStartupFailure(error, this.props.load);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <p role="alert" lang="it" data-startup-failure="">
        {startupMessage(this.state.error)}
      </p>
    );
  }
}
