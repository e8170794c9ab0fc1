import { useEffect } from 'react';
import { useNavigation } from '../../app/navigation-store';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { ErasurePage } from './erasure-page';
import { ImportPage } from './import-page';
import { PeopleSearchPage } from './people-search-page';
import { PersonPage } from './person-page';
import { PlaceBrowser } from './place-browser';
import { PrintRoster } from './print-roster';
import { applyRosterTestRole } from './roster-test-hook';
import { TambonPage } from './tambon-page';
import './roster.css';

const TABS = [
  ['', 'roster.tab.browse'],
  ['people', 'roster.tab.people'],
  ['import', 'roster.tab.import'],
  ['erasure', 'roster.tab.erasure'],
] as const;

/** ทำเนียบเครือข่าย: #/roster[/amphoe/5701 | /tambon/570101 | /person/<id> | /people | /import | /erasure | /print/…]. */
export function RosterPage() {
  const t = useTranslate();
  const path = useNavigation((s) => s.path);
  const navigate = useNavigation((s) => s.navigate);
  const provinceCode = useSession((s) => s.scope.provinceCode);
  useEffect(applyRosterTestRole, []);
  const [view = '', code = '', extra = ''] = path;

  if (view === 'print') return <PrintRoster level={code === 'amphoe' ? 'amphoe' : 'tambon'} code={extra} />;
  const current = view === 'amphoe' || view === 'tambon' || view === 'person' ? '' : view;
  return (
    <section aria-labelledby="roster-title" className="roster">
      <h1 id="roster-title">{t('roster.title')}</h1>
      <nav className="roster-tabs" aria-label={t('roster.tabs')}>
        {TABS.map(([tab, label]) => (
          <button key={tab} type="button" className="roster-tab" aria-current={current === tab ? 'page' : undefined} onClick={() => (tab ? navigate('roster', tab) : navigate('roster'))}>
            {t(label)}
          </button>
        ))}
      </nav>
      {view === 'amphoe' ? (
        <PlaceBrowser placeCode={code} />
      ) : view === 'tambon' ? (
        <TambonPage tambonCode={code} />
      ) : view === 'person' ? (
        <PersonPage id={code} />
      ) : view === 'people' ? (
        <PeopleSearchPage />
      ) : view === 'import' ? (
        <ImportPage />
      ) : view === 'erasure' ? (
        <ErasurePage />
      ) : (
        <PlaceBrowser placeCode={provinceCode} />
      )}
    </section>
  );
}
