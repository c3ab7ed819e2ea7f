import type { ComponentChildren } from 'preact';
import iconUrl from '@/assets/icons/icon.svg';

/** The extension's mark and name, with what the page is ("Settings", "Reader"). */
export function Brand({ page, as: Heading = 'p' }: { page?: ComponentChildren; as?: 'h1' | 'p' }) {
  return (
    <Heading class="brand">
      <img src={iconUrl} alt="" width={28} height={28} />
      <span class="brand-name" lang="vi">
        Song ngữ
      </span>
      {page && <span class="brand-page">{page}</span>}
    </Heading>
  );
}
