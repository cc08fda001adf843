// Name and value pools for the seeded tenant. Pairs are [display, ascii slug] so userNames stay
// ASCII (as IdPs send them) while display names carry the unicode the UI and CSV must survive.

export const GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['Ana', 'ana'], ['José', 'jose'], ['Zoë', 'zoe'], ['Łukasz', 'lukasz'], ['Søren', 'soren'],
  ['Mário', 'mario'], ['Aiko', 'aiko'], ['Иван', 'ivan'], ['Ольга', 'olga'], ['李', 'li'],
  ['王芳', 'wangfang'], ['Nguyễn', 'nguyen'], ['Ömer', 'omer'], ['Siobhán', 'siobhan'],
  ['François', 'francois'], ['Chloé', 'chloe'], ['Björk', 'bjork'], ['Priya', 'priya'],
  ['Kwame', 'kwame'], ['Jürgen', 'jurgen'], ['Renée', 'renee'], ['Αλέξανδρος', 'alexandros'],
  ['محمد', 'mohammed'], ['Émilie', 'emilie'], ['John', 'john'], ['Mary', 'mary'], ['Wei', 'wei'],
  ['Fatima', 'fatima'], ['Olu', 'olu'], ['Dạ', 'da'], ['Inés', 'ines'], ['Håkon', 'hakon'],
];

export const FAMILY: ReadonlyArray<readonly [string, string]> = [
  ['Silva', 'silva'], ['Núñez', 'nunez'], ['Müller', 'muller'], ['Kowalski', 'kowalski'],
  ['Ødegård', 'odegard'], ['O\'Brien', 'obrien'], ['Tanaka', 'tanaka'], ['Иванов', 'ivanov'],
  ['Петрова', 'petrova'], ['Wang', 'wang'], ['Trần', 'tran'], ['Yılmaz', 'yilmaz'],
  ['Ní Bhraonáin', 'nibhraonain'], ['Lefèvre', 'lefevre'], ['Guðmundsdóttir', 'gudmundsdottir'],
  ['Patel', 'patel'], ['Mensah', 'mensah'], ['Schröder', 'schroder'], ['Dubois', 'dubois'],
  ['Παπαδόπουλος', 'papadopoulos'], ['Al-Farsi', 'alfarsi'], ['Smith', 'smith'], ['García', 'garcia'],
  ['van der Berg', 'vanderberg'], ['Okafor', 'okafor'], ['Kim', 'kim'], ['Øvergaard', 'overgaard'],
];

export const DEPARTMENTS = [
  'Engineering', 'Sales', 'Marketing', 'Finance', 'People', 'Support', 'Legal', 'Operations',
  'Produkt & Design', 'Recherche et Développement', '研究開発', 'Customer Success',
] as const;

export const TITLES = [
  'Engineer', 'Senior Engineer', 'Account Executive', 'Analyst', 'Manager', 'Director',
  'Support Specialist', 'Designer', 'Counsel', 'Intern', 'VP', 'Data Scientist',
] as const;

/** Values a spreadsheet would execute if exported unescaped (CSV injection). */
export const FORMULAS = ['=HYPERLINK("https://evil.example","Click")', '+1 555 0100', '-x', '@SUM(A1:A9)'] as const;

export const MULTILINE_TITLES = ['Senior Engineer\nPlatform Team', 'Manager\r\nEMEA\r\nInterim'] as const;
