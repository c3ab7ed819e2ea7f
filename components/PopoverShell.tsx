import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { Rect } from '@/core/placement';
import { usePlacement } from './use-placement';

/** What the content script gives both popovers: where the word is, and the reader's actions. */
export interface PopoverPlacing {
  /** The word on the page, in viewport coordinates: the popover never covers it. */
  anchor: Rect;
  /** The paragraph's English rendering: the popover keeps clear of it where it can. */
  avoid?: Rect[];
  pinned: boolean;
  /**
   * Rendered ahead of being shown (the pointer paused on the word, the delay is not over): laid
   * out and placed, but hidden, and not a tooltip yet (no role, test id or data attributes) for
   * assistive technology or automation.
   */
  staged?: boolean;
  canSpeak: boolean;
  /** Each handler gets the event, so the page's synthetic events can be told apart. */
  onSpeak: (e: Event) => void;
  onPin: (e: Event) => void;
  onClose: (e: Event) => void;
  onPointerEnter: (e: Event) => void;
  onPointerLeave: (e: Event) => void;
}

/** What the glossary-term and dictionary popovers share: where they sit, and their header. */
export interface PopoverShellProps extends PopoverPlacing {
  id: string;
  /** Classes after `panel term` (the pinned class is added here). */
  variant?: string;
  testId: string;
  /** data-* attributes that name what the popover is about (the automation contract). */
  data: Record<string, string | number>;
  headword: string;
  /** What, when it changes, means the popover must be placed again. */
  placeOn: unknown[];
  children: ComponentChildren;
}

/** A button inside the popover whose click is not also a click on the popover (which pins it). */
function OwnButton(props: {
  class: string;
  label: string;
  title?: string;
  onClick: (e: Event) => void;
  children: string;
}) {
  return (
    <button
      type="button"
      class={props.class}
      aria-label={props.label}
      title={props.title}
      onClick={(e) => {
        e.stopPropagation();
        props.onClick(e);
      }}
    >
      {props.children}
    </button>
  );
}

/** The popover's box, placed next to its word, with the headword, Listen and (pinned) Close. */
export function PopoverShell(props: PopoverShellProps) {
  const ref = useRef<HTMLDivElement>(null);
  const placement = usePlacement(ref, props.anchor, props.placeOn, props.avoid);
  // A staged popover carries none of the contract's attributes: automation finds only open ones.
  const data = props.staged ? {} : Object.fromEntries(Object.entries(props.data).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div
      ref={ref}
      id={props.id}
      class={`panel term${props.variant ? ` ${props.variant}` : ''}${props.pinned ? ' pinned' : ''}`}
      role={props.staged ? undefined : 'tooltip'}
      aria-hidden={props.staged ? 'true' : undefined}
      data-testid={props.staged ? undefined : props.testId}
      {...data}
      onMouseEnter={props.onPointerEnter}
      onMouseLeave={props.onPointerLeave}
      onClick={props.onPin}
      style={{
        left: `${placement?.left ?? -9999}px`,
        top: `${placement?.top ?? -9999}px`,
        maxHeight: placement ? `${placement.maxHeight}px` : undefined,
        visibility: placement && !props.staged ? 'visible' : 'hidden',
      }}
    >
      <div class="term-head">
        <span class="headword" lang="vi">
          {props.headword}
        </span>
        {props.canSpeak && (
          <OwnButton
            class="speak"
            label={`Listen to ${props.headword}`}
            title="Listen (Vietnamese voice)"
            onClick={props.onSpeak}
          >
            🔊
          </OwnButton>
        )}
        {props.pinned && (
          <OwnButton class="close" label="Close" onClick={props.onClose}>
            ×
          </OwnButton>
        )}
      </div>
      {props.children}
    </div>
  );
}
