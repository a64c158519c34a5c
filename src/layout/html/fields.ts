// Where HTML pages state their metadata, most reliable first. Vocabulary of
// public standards: Open Graph (ogp.me), schema.org microdata, Dublin Core
// (DCMI terms), Twitter cards, plus CMS conventions documented by htmldate
// (adbar/htmldate, "date_expressions") and Parse.ly / Sailthru metadata tags.
// Each entry: a CSS selector and the attribute holding the value.

export interface FieldSource {
  /** a <meta> whose name, property or itemprop is `meta` (its content), or an element matching `selector` */
  meta?: string;
  selector?: string;
  attr: string;
  rule: string;
}

const meta = (names: string[], rule: string): FieldSource[] => names.map((n) => ({ meta: n, attr: 'content', rule }));

export const PUBLISHED: FieldSource[] = [
  ...meta(['article:published_time', 'og:article:published_time', 'og:published_time', 'article:published', 'datePublished'], 'meta'),
  ...meta(
    [
      'pubdate',
      'publishdate',
      'publish-date',
      'publish_date',
      'published_time',
      'publication_date',
      'date_published',
      'article.published',
      'article_date_original',
      'original-publish-date',
      'dc.date.issued',
      'DC.date.issued',
      'dcterms.issued',
      'DC.date.created',
      'dcterms.created',
      'dc.date',
      'DC.date',
      'DC.Date',
      'dcterms.date',
      'date',
      'Date',
      'sailthru.date',
      'parsely-pub-date',
      'citation_publication_date',
      'citation_date',
      'cXenseParse:recs:publishtime',
      'shareaholic:article_published_time',
      'ga-publish-date',
      'pub_date',
      'OriginalPublicationDate',
      'created',
    ],
    'meta',
  ),
];

export const TITLE: FieldSource[] = [
  ...meta(['og:title', 'twitter:title', 'dc.title', 'DC.title'], 'meta'),
  { selector: '[itemprop="headline"]', attr: 'content', rule: 'microdata' },
];

export const SITE: FieldSource[] = [...meta(['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'DC.publisher', 'twitter:site'], 'meta')];

export const AUTHOR: FieldSource[] = [
  ...meta(['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'DC.creator', 'dcterms.creator', 'citation_author'], 'meta'),
  { selector: '[itemprop="author"] [itemprop="name"]', attr: 'content', rule: 'microdata' },
];

export const URL_FIELDS: FieldSource[] = [{ selector: 'link[rel="canonical"]', attr: 'href', rule: 'canonical' }, ...meta(['og:url'], 'meta')];

/** JSON-LD types that describe the article itself (schema.org CreativeWork subtypes). */
export const ARTICLE_TYPES =
  /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|DiscussionForumPosting|CreativeWork|VideoObject|PodcastEpisode|Blog)$/;
