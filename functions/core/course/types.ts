/** Shapes produced by the course compiler; shared by the functions and the web build. */

export type QuestionType = 'single' | 'multiple' | 'true-false' | 'case';

export interface QuestionOption {
  id: string;
  text: string;
  /** Case items: the screening decision or the reason for it. */
  group?: 'decision' | 'reason';
}

/** A question as the server holds it: with its answer key and explanation. */
export interface BankQuestion {
  id: string;
  type: QuestionType;
  objective: string;
  section: string;
  safetyCritical: boolean;
  prompt: string;
  vignette?: string;
  options: QuestionOption[];
  correctOptionIds: string[];
  explanation: string;
}

/** What a trainee's review of an attempt shows (course/schema.ts explains each level). */
export type ReviewLevel = 'outcome' | 'missed' | 'full';

export interface QuizPolicy {
  passMark: number;
  drawSize: number;
  maxAttemptsPer24Hours: number;
  cooldownMinutesAfterFail: number;
  review: { untilPassed: ReviewLevel; oncePassed: ReviewLevel };
}

export interface QuestionBank {
  moduleId: string;
  title: string;
  order: number;
  /** Hash of the module's files, so a result can say which version of the content was passed. */
  contentVersion: string;
  policy: QuizPolicy;
  /** The learning objectives, so a review can name the one a missed question tests. */
  objectives: { id: string; text: string }[];
  questions: BankQuestion[];
}

/** A module as the certificate rules see it: which, and its name. */
export interface CourseModule {
  moduleId: string;
  title: string;
  order: number;
}

/** A treatment area a certificate may cover, with the course's depth limits for it (courses/course.yaml). */
export interface TreatmentArea {
  id: string;
  /** A few words for tables: "Neck", "Acne scars (cheeks)". */
  shortLabel: string;
  label: string;
  /** The most a certificate may allow for the area at all. */
  maxDepthMm: number;
  /** The most without a supervisor present (equal to maxDepthMm where the course sets no lower limit). */
  maxDepthUnsupervisedMm: number;
  /** The lesson section that teaches it, `module-id#section-id`. */
  section: string;
}

/** What a certificate takes and how long it lasts (courses/course.yaml, `certification`). */
export interface CertificationSettings {
  qualification: string;
  validityMonths: number;
  firstCertificate: { satisfactoryProcedures: number; distinctAssessors: number; independentProcedures: number };
  renewal: { windowDays: number; satisfactoryProcedures: number };
  afterRevocation: { satisfactoryProcedures: number };
  /** Days before expiry on which reminders go out, most distant first; 0 is the day of expiry. */
  reminderDays: number[];
}

/** The course as the certification rules see it: its modules, what a certificate may grant and what it takes. */
export interface CourseDefinition {
  modules: CourseModule[];
  treatmentAreas: TreatmentArea[];
  certification: CertificationSettings;
}

export interface LessonSection {
  id: string;
  title: string;
  depth: number;
}

/** What the web build may see of a module: no questions, no answers, no explanations. */
export interface ModulePage {
  id: string;
  order: number;
  title: string;
  summary: string;
  objectives: { id: string; text: string }[];
  policy: QuizPolicy;
  contentVersion: string;
  bankSize: number;
  sections: LessonSection[];
  html: string;
}
