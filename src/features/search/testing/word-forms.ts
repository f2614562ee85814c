/**
 * Test support only: word-form groups for the other-form recall test (search-quality.test.ts),
 * picked by hand from each corpus's vocabulary: content words that occur there in several forms
 * (plural and singular, gender, case, tense, clitics, affixes). The first word of a group is the
 * query, in the form a reader would type (the dictionary form, with its accents, which need not
 * occur in the corpus); the others are forms the corpus uses. Chosen by a speaker's reading of the
 * words, not by the stemmer, so the stemmer's misses count against it (Spanish gobiernos → gobi,
 * Portuguese eleições → eleiçõ, Turkish seçim → seç are in here on purpose).
 *
 * Only the words are here; which articles contain them is read from the corpus at test time.
 */
import { tokenize } from '../engine/tokenize.ts';
import type { SearchDoc } from '../engine/types.ts';

export const WORD_FORMS: Record<string, { language: string; groups: string[][] }> = {
  'bbc-news-2225.feed.json': {
    language: 'English',
    groups: [
      ['addict', 'addicts', 'addicted'],
      ['airplane', 'airplanes'],
      ['anomaly', 'anomalies'],
      ['avenue', 'avenues'],
      ['backlog', 'backlogs', 'backlogged'],
      ['erupt', 'erupted', 'erupting', 'erupts'],
      ['communist', 'communists'],
      ['confession', 'confessions'],
      ['funeral', 'funerals'],
      ['gaffe', 'gaffes'],
      ['ghost', 'ghosts'],
      ['hitch', 'hitches'],
      ['honeymoon', 'honeymoons'],
      ['implant', 'implants', 'implanted'],
      ['imprison', 'imprisoned', 'imprisoning'],
      ['myth', 'myths'],
      ['pedestrian', 'pedestrians'],
      ['shelter', 'shelters', 'sheltered'],
      ['spree', 'sprees'],
      ['webcam', 'webcams'],
      ['yield', 'yielded', 'yields'],
      ['zombie', 'zombies'],
      ['poach', 'poached', 'poaching'],
      ['beckon', 'beckoned', 'beckons'],
      ['amplify', 'amplifies', 'amplified'],
      ['spoil', 'spoils', 'spoiled'],
    ],
  },
  'bbc-afrique.feed.json': {
    language: 'French',
    groups: [
      ['arme', 'armes'],
      ['besoin', 'besoins'],
      ['bureau', 'bureaux'],
      ['camp', 'camps'],
      ['cause', 'causes'],
      ['considérer', 'considéré', 'considérés'],
      ['djihadiste', 'djihadistes'],
      ['échange', 'échanges'],
      ['européen', 'européenne'],
      ['fille', 'filles'],
      ['film', 'films'],
      ['force', 'forces'],
      ['humain', 'humains'],
      ['important', 'importante', 'importants'],
      ['violer', 'violée', 'violées'],
      ['blessé', 'blessés'],
      ['centrafricain', 'centrafricaine'],
      ['dernier', 'dernière', 'dernières', 'derniers'],
      ['américain', 'américaine'],
      ['enlever', 'enlevé', 'enlevés'],
      ['demander', 'demande', 'demandait'],
      ['condition', 'conditions'],
      ['crime', 'crimes'],
      ['député', 'députés'],
      ['équipe', 'équipes'],
      ['étude', 'études'],
      ['gouvernement', 'gouvernements'],
      ['mort', 'morts', 'morte'],
      ['tuer', 'tués'],
    ],
  },
  'bbc-mundo.feed.json': {
    language: 'Spanish',
    groups: [
      ['acción', 'acciones'],
      ['alimento', 'alimentos'],
      ['árbol', 'árboles'],
      ['bandera', 'banderas'],
      ['británico', 'británicos', 'británica', 'británicas'],
      ['centro', 'centros'],
      ['científico', 'científicos', 'científica'],
      ['clave', 'claves'],
      ['comercial', 'comerciales'],
      ['condición', 'condiciones'],
      ['contenido', 'contenidos'],
      ['crítica', 'críticas', 'críticos', 'crítico'],
      ['daño', 'daños'],
      ['largo', 'larga', 'largas', 'largos'],
      ['nivel', 'niveles'],
      ['película', 'películas'],
      ['píldora', 'píldoras'],
      ['posibilidad', 'posibilidades'],
      ['pregunta', 'preguntas'],
      ['propio', 'propias', 'propia', 'propios'],
      ['teléfono', 'teléfonos'],
      ['tema', 'temas'],
      ['causar', 'causa', 'causas', 'causan', 'causado', 'causando'],
      ['crecer', 'crecido', 'crecieron', 'crecimos'],
      ['ofrecer', 'ofrecemos', 'ofrecimos', 'ofrecen'],
      ['elección', 'elecciones'],
      ['muerte', 'muertes'],
      ['gobierno', 'gobiernos'],
    ],
  },
  'bbc-portuguese.feed.json': {
    language: 'Portuguese',
    groups: [
      ['agente', 'agentes'],
      ['aliado', 'aliados', 'aliada'],
      ['adulto', 'adulta', 'adultos'],
      ['atitude', 'atitudes'],
      ['bacia', 'bacias'],
      ['caminho', 'caminhos'],
      ['cargo', 'cargos'],
      ['coisa', 'coisas'],
      ['criança', 'crianças'],
      ['paciente', 'pacientes'],
      ['regra', 'regras'],
      ['relatório', 'relatórios'],
      ['único', 'única'],
      ['verdadeiro', 'verdadeira', 'verdadeiras'],
      ['morrer', 'morreram', 'morreu'],
      ['perguntar', 'perguntou', 'perguntaram', 'perguntava'],
      ['votar', 'votaram', 'votado', 'votada'],
      ['contaminar', 'contaminado', 'contamina', 'contaminados'],
      ['identificar', 'identificado', 'identificada'],
      ['humano', 'humanos', 'humanas'],
      ['acreditar', 'acredita', 'acreditam'],
      ['grave', 'graves'],
      ['morte', 'mortes'],
    ],
  },
  'bbc-indonesia.feed.json': {
    language: 'Indonesian',
    groups: [
      ['ancam', 'ancaman', 'mengancam'],
      ['bukti', 'terbukti', 'membuktikan'],
      ['bunuh', 'pembunuhan', 'pembunuh', 'dibunuh'],
      ['batal', 'membatalkan', 'dibatalkan'],
      ['bebas', 'dibebaskan', 'membebaskan', 'bebaskan'],
      ['beli', 'membeli'],
      ['gambar', 'digambarkan', 'menggambarkan'],
      ['gugat', 'menggugat', 'gugatan'],
      ['jelas', 'menjelaskan'],
      ['istri', 'istrinya'],
      ['ayah', 'ayahnya'],
      ['judul', 'berjudul'],
      ['janji', 'berjanji'],
      ['kebun', 'kebunnya'],
      ['wakil', 'wakilnya', 'mewakilinya'],
      ['dakwa', 'didakwa', 'mendakwa', 'dakwaan'],
      ['datang', 'mendatangi', 'mendatangkan'],
      ['hubungan', 'berhubungan'],
      ['cara', 'caranya'],
      ['buruk', 'buruknya'],
      ['kata', 'berkata'],
      ['jalan', 'menjalankan', 'berjalan'],
    ],
  },
  'bbc-turkce.feed.json': {
    language: 'Turkish',
    groups: [
      ['avukat', 'avukatları', 'avukatlara'],
      ['başbakan', 'başbakanı'],
      ['cinayet', 'cinayetlerden', 'cinayeti'],
      ['çocuk', 'çocuklar', 'çocukları', 'çocuklarını'],
      ['dava', 'davada', 'davayla', 'davasının', 'davanın', 'davasında'],
      ['devlet', 'devleti'],
      ['dizi', 'diziyle', 'dizinin'],
      ['kanal', 'kanalına', 'kanalı'],
      ['karar', 'kararı', 'karardı', 'kararlar', 'kararında', 'kararın', 'kararlarında'],
      ['muhalif', 'muhaliflerin'],
      ['operasyon', 'operasyonu', 'operasyona'],
      ['sovyet', 'sovyetler'],
      ['virüs', 'virüsü', 'virüse'],
      ['yasak', 'yasaklarına'],
      ['yıldız', 'yıldızdı', 'yıldızı'],
      ['zarar', 'zararı'],
      ['bilgi', 'bilgilerin', 'bilgilere'],
      ['anlaşma', 'anlaşmaya', 'anlaşmadan', 'anlaşmadaki'],
      ['nokta', 'noktasına', 'noktasını', 'noktasından', 'noktalarını'],
      ['sahne', 'sahnede', 'sahnelerinde', 'sahnelerdi'],
      ['birim', 'birimleri', 'birimlerini'],
      ['seçim', 'seçiminde', 'seçimini', 'seçimleriyle', 'seçimlerinin'],
    ],
  },
  'bbc-ukrainian.feed.json': {
    language: 'Ukrainian',
    groups: [
      ['бюджет', 'бюджеті', 'бюджету'],
      ['вибори', 'виборів', 'виборах'],
      ['влада', 'владу'],
      ['гроші', 'грошей'],
      ['держава', 'держави', 'державою'],
      ['довіра', 'довіру', 'довіри'],
      ['загроза', 'загрозою', 'загрозу', 'загрози'],
      ['заклад', 'закладів', 'закладу', 'закладі'],
      ['земля', 'землі'],
      ['канал', 'каналу'],
      ['керівник', 'керівника', 'керівником'],
      ['компанія', 'компанію', 'компаній'],
      ['королева', 'королеви'],
      ['криза', 'кризи'],
      ['крим', 'криму'],
      ['критика', 'критики', 'критику'],
      ['частина', 'частину'],
      ['увага', 'увагою', 'уваги', 'увагу'],
      ['українець', 'українців', 'українця', 'українцям', 'українці'],
      ['імпічмент', 'імпічменту'],
      ['великий', 'великі', 'велика', 'велику'],
    ],
  },
  'bbc-hindi.feed.json': {
    language: 'Hindi',
    groups: [
      ['अफ़वाह', 'अफ़वाहें', 'अफ़वाहों'],
      ['आवाज़', 'आवाज़ें'],
      ['कहानी', 'कहानियां'],
      ['घायल', 'घायलों'],
      ['चिंता', 'चिंताएं'],
      ['तस्वीर', 'तस्वीरों', 'तस्वीरें'],
      ['दावा', 'दावों'],
      ['पुरुष', 'पुरुषों'],
      ['फ़ैसला', 'फ़ैसले'],
      ['बच्चा', 'बच्चे', 'बच्चों'],
      ['बात', 'बातें', 'बातों'],
      ['भारतीय', 'भारतीयों'],
      ['माओवादी', 'माओवादियों'],
      ['विमान', 'विमानों'],
      ['विशेषज्ञ', 'विशेषज्ञों'],
      ['शब्द', 'शब्दों'],
      ['शादी', 'शादियों'],
      ['याद', 'यादों', 'यादें'],
      ['एजेंडा', 'एजेंडे'],
      ['धरना', 'धरने'],
    ],
  },
  'bbc-arabic.feed.json': {
    language: 'Arabic',
    groups: [
      ['أزمة', 'الأزمة'],
      ['أطفال', 'الأطفال'],
      ['اقتصاد', 'الاقتصاد'],
      ['أمريكي', 'الأمريكي', 'أمريكية', 'الأمريكية', 'الأمريكيين'],
      ['تكنولوجيا', 'وتكنولوجيا'],
      ['تنظيم', 'وتنظيم'],
      ['ثقافة', 'الثقافة'],
      ['جنوب', 'بجنوب'],
      ['جيش', 'الجيش', 'للجيش'],
      ['حكومة', 'الحكومة', 'حكومته'],
      ['إسلامية', 'الإسلامية'],
      ['أخبار', 'الأخبار'],
      ['ثاني', 'الثاني', 'الثانية'],
    ],
  },
};

/** One word group as a query: the articles with the form typed, and those with only other forms. */
export interface WordFormCase {
  query: string;
  exact: SearchDoc[];
  relevant: SearchDoc[];
}

/**
 * The groups that can be asked of a top 10: some article uses only another form than the one
 * typed, and all the articles with any form fit in ten. Forms are compared as tokens.
 */
export function wordFormCases(docs: SearchDoc[], groups: string[][]): WordFormCase[] {
  const tokenSets = docs.map(
    (d) =>
      new Set(
        tokenize(
          [d.headline, d.standfirst ?? '', d.tags.join('\n'), d.category?.name ?? '', d.bodyText].join('\n'),
        ),
      ),
  );
  return groups.flatMap(([query, ...others]) => {
    const typed = tokenize(query!).join(' ');
    const forms = others.flatMap((w) => tokenize(w));
    const exact = docs.filter((_, i) => tokenSets[i]!.has(typed));
    const relevant = docs.filter(
      (_, i) => !tokenSets[i]!.has(typed) && forms.some((f) => tokenSets[i]!.has(f)),
    );
    return relevant.length === 0 || exact.length + relevant.length > 10
      ? []
      : [{ query: query!, exact, relevant }];
  });
}
