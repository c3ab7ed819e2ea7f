/**
 * What Song ngữ does, in one picture: a Vietnamese news page with our English under each
 * paragraph, glossary terms underlined, a term's popover open (its English lit in the rendering
 * below) and a saved highlight. Drawn in SVG; the page's
 * text is laid out by the browser (foreignObject), so it wraps and renders in the reader's fonts,
 * and the colours follow the light or dark theme. The text is real: a paragraph of the bundled ISW
 * article, its English, and the glossary entry for Bình Nhưỡng.
 */
export function Illustration() {
  return (
    <svg
      class="illustration"
      viewBox="0 0 520 500"
      role="img"
      aria-label="A Vietnamese news page with Song ngữ: the English under each paragraph, glossary terms underlined, the popover for Bình Nhưỡng (Pyongyang) open, and a phrase highlighted in yellow."
    >
      <defs>
        <clipPath id="ill-window">
          <rect x="8" y="8" width="504" height="484" rx="14" />
        </clipPath>
      </defs>
      <rect class="ill-window" x="8" y="8" width="504" height="484" rx="14" />
      <g clip-path="url(#ill-window)">
        <rect class="ill-chrome" x="8" y="8" width="504" height="40" />
        <line class="ill-rule" x1="8" y1="48" x2="512" y2="48" />
        <circle cx="30" cy="28" r="5" fill="#f87171" />
        <circle cx="46" cy="28" r="5" fill="#fbbf24" />
        <circle cx="62" cy="28" r="5" fill="#34d399" />
        <rect class="ill-address" x="82" y="17" width="330" height="22" rx="11" />
        <text class="ill-url" x="96" y="32">
          dantri.com.vn/the-gioi/isw-linh-trieu-tien.htm
        </text>
        {/* The toolbar button, with its badge counting the page's highlights. */}
        <g transform="translate(470 15)">
          <path fill="#2563eb" d="M5 0h16a5 5 0 0 1 5 5v11a5 5 0 0 1-5 5H10l-5 5v-5a5 5 0 0 1-5-5V5a5 5 0 0 1 5-5z" />
          <rect fill="#ffffff" x="5" y="7" width="16" height="3" rx="1" />
          <rect fill="#fde047" x="5" y="13" width="11" height="3" rx="1" />
          <circle cx="25" cy="2" r="7" fill="#16a34a" />
          <text class="ill-badge" x="25" y="5.5">
            1
          </text>
        </g>
        <foreignObject x="32" y="62" width="456" height="426">
          <div class="ill-page" {...{ xmlns: 'http://www.w3.org/1999/xhtml' }}>
            <p class="ill-kicker" lang="vi">
              Thế giới
            </p>
            <p class="ill-title" lang="vi">
              ISW: Lính Triều Tiên sát cánh cùng Nga chiến đấu ở Kursk
            </p>
            <span class="ill-byline" />
            <span class="ill-photo">
              <svg viewBox="0 0 120 60" preserveAspectRatio="xMidYMax slice" aria-hidden="true">
                <path class="ill-hill far" d="M0 60 L0 38 Q 20 26 38 34 T 78 28 T 120 34 L120 60 Z" />
                <path class="ill-hill" d="M0 60 L0 48 Q 30 36 60 46 T 120 44 L120 60 Z" />
                <circle class="ill-sun" cx="92" cy="16" r="6" />
              </svg>
            </span>
            <p class="ill-vi" lang="vi">
              <span class="ill-term">Moscow</span> và{' '}
              <span class="ill-term ill-hover">
                Bình Nhưỡng
                <span class="ill-popover" lang="en">
                  <span class="ill-pop-en">Pyongyang</span>
                  <span class="ill-pop-meta">
                    place · <span lang="zh-Hant">平壤</span> bình nhưỡng
                  </span>
                  <span class="ill-pop-note">
                    Capital of North Korea; often stands for the North Korean government.
                  </span>
                </span>
              </span>{' '}
              hiện chưa bình luận về thông tin này.
            </p>
            <p class="ill-en" lang="en">
              <span class="ill-en-label">EN</span>
              Moscow and <span class="ill-lit">Pyongyang</span> have not yet commented on the reports.
            </p>
            <p class="ill-vi" lang="vi">
              Trước đó, <span class="ill-term">Tổng thống</span> <span class="ill-term">Nga</span>{' '}
              <span class="ill-term">Vladimir Putin</span> và <span class="ill-term">Chủ tịch</span>{' '}
              <span class="ill-term">Triều Tiên</span> Kim Jong-un đã{' '}
              <mark class="ill-mark">phê chuẩn Hiệp ước Đối tác Chiến lược Toàn diện</mark> giữa hai nước.
            </p>
            <p class="ill-en" lang="en">
              <span class="ill-en-label">EN</span>
              Earlier, Russian President Vladimir Putin and North Korean leader Kim Jong-un ratified the Comprehensive
              Strategic Partnership Treaty between the two countries.
            </p>
          </div>
        </foreignObject>
      </g>
    </svg>
  );
}
