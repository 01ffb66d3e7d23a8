/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AllServicesPage($after: String) {\n    services(first: 100, after: $after) {\n      nodes {\n        id\n        status\n        card {\n          nameUk\n          nameEn\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AllServicesPageDocument,
    "\n  mutation Upload($input: UploadMediaInput!) {\n    uploadMedia(input: $input) {\n      mediaItem {\n        id\n        url\n        altUk\n      }\n    }\n  }\n": typeof types.UploadDocument,
    "\n  query Start {\n    me {\n      id\n      roles {\n        tenantSlug\n      }\n    }\n    tenant {\n      slug\n    }\n  }\n": typeof types.StartDocument,
    "\n  query Frame {\n    me {\n      id\n      email\n      roles {\n        tenantSlug\n        tenantKind\n        role\n      }\n    }\n    tenant {\n      slug\n      kind\n      nameUk\n      nameEn\n      status\n    }\n    myPermissions {\n      object\n      action\n    }\n  }\n": typeof types.FrameDocument,
    "\n  query DeskCase($id: ID!) {\n    application(id: $id) {\n      id\n      tracking\n      serviceId\n      serviceNameUk\n      serviceNameEn\n      status\n      statusNameUk\n      statusNameEn\n      version\n      channel\n      person {\n        fullName\n        email\n        phone\n        rnokpp\n      }\n      fields {\n        key\n        value\n      }\n      remarks {\n        field\n        text\n      }\n      fixBy\n      clarification\n      decision {\n        approved\n        grounds\n        legalBasis\n      }\n      submittedAt\n      dueDate\n      overdue\n      paused\n      decidedAt\n      closedAt\n      fee\n      paidAt\n      providerId\n      assignedTo\n      documentsPurgedAt\n      history {\n        at\n        action\n        statusTo\n        actorKind\n        actorName\n        channel\n        comment\n      }\n      documents {\n        id\n        slot\n        fileName\n        sizeBytes\n        url\n        purgedAt\n      }\n      rating {\n        score\n        comment\n      }\n    }\n    me {\n      id\n    }\n    myPermissions {\n      object\n      action\n    }\n    providers {\n      id\n      nameUk\n      nameEn\n    }\n  }\n": typeof types.DeskCaseDocument,
    "\n  query DeskCaseCard($id: ID!) {\n    service(id: $id) {\n      id\n      card {\n        documents {\n          name\n        }\n        formFields {\n          key\n          labelUk\n          labelEn\n        }\n      }\n    }\n  }\n": typeof types.DeskCaseCardDocument,
    "\n  mutation DeskRegister($input: ApplicationMoveInput!) {\n    registerApplication(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": typeof types.DeskRegisterDocument,
    "\n  mutation DeskReturn($input: ReturnForCorrectionInput!) {\n    returnForCorrection(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": typeof types.DeskReturnDocument,
    "\n  mutation DeskForward($input: ForwardApplicationInput!) {\n    forwardApplication(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": typeof types.DeskForwardDocument,
    "\n  mutation DeskAsk($input: RequestClarificationInput!) {\n    requestClarification(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": typeof types.DeskAskDocument,
    "\n  mutation DeskAnswer($input: AnswerClarificationInput!) {\n    answerClarification(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": typeof types.DeskAnswerDocument,
    "\n  mutation DeskDecide($input: DecideApplicationInput!) {\n    decideApplication(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": typeof types.DeskDecideDocument,
    "\n  mutation DeskReady($input: ApplicationMoveInput!) {\n    markResultReady(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": typeof types.DeskReadyDocument,
    "\n  mutation DeskIssued($input: ApplicationMoveInput!) {\n    markIssued(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": typeof types.DeskIssuedDocument,
    "\n  mutation DeskPaid($input: ApplicationMoveInput!) {\n    confirmPayment(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": typeof types.DeskPaidDocument,
    "\n  mutation DeskAssign($input: AssignApplicationInput!) {\n    assignApplication(input: $input) {\n      application {\n        id\n        version\n        assignedTo\n      }\n    }\n  }\n": typeof types.DeskAssignDocument,
    "\n  query DeskInbox($filter: ApplicationFilter, $after: String) {\n    applications(filter: $filter, first: 25, after: $after) {\n      nodes {\n        id\n        tracking\n        status\n        statusNameUk\n        statusNameEn\n        serviceNameUk\n        serviceNameEn\n        person {\n          fullName\n        }\n        channel\n        submittedAt\n        dueDate\n        overdue\n        paused\n        assignedTo\n      }\n      endCursor\n      hasNextPage\n      counts {\n        status\n        count\n      }\n      overdue\n    }\n    services(first: 100) {\n      nodes {\n        id\n        card {\n          nameUk\n          nameEn\n        }\n      }\n    }\n    me {\n      id\n    }\n    myPermissions {\n      object\n      action\n    }\n  }\n": typeof types.DeskInboxDocument,
    "\n  query IntakeServices {\n    services(first: 100) {\n      nodes {\n        id\n        status\n        card {\n          code\n          nameUk\n          nameEn\n        }\n      }\n    }\n  }\n": typeof types.IntakeServicesDocument,
    "\n  query IntakeCard($id: ID!) {\n    service(id: $id) {\n      id\n      card {\n        rnokppOptional\n        documents {\n          name\n        }\n        formFields {\n          key\n          labelUk\n          labelEn\n          kind\n          required\n          options\n        }\n      }\n    }\n  }\n": typeof types.IntakeCardDocument,
    "\n  mutation IntakeApplication($input: IntakeApplicationInput!) {\n    intakeApplication(input: $input) {\n      accessCode\n      statusUrl\n      application {\n        id\n        tracking\n        dueDate\n      }\n    }\n  }\n": typeof types.IntakeApplicationDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      user {\n        email\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      accepted\n    }\n  }\n": typeof types.RequestResetDocument,
    "\n  mutation SetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      user {\n        email\n      }\n    }\n  }\n": typeof types.SetPasswordDocument,
    "\n  query ServiceCard($id: ID!) {\n    service(id: $id) {\n      id\n      standardServiceId\n      status\n      currentVersion\n      overriddenFields\n      card {\n        ...CardFields\n      }\n    }\n  }\n  fragment CardFields on ServiceCard {\n    code\n    nameUk\n    nameEn\n    category\n    lifeSituation\n    audience\n    legalBasis {\n      kind\n      number\n      date\n      title\n      url\n    }\n    grounds\n    documents {\n      name\n      requirements\n      originalRequired\n    }\n    submission\n    channels {\n      kind\n      url\n    }\n    cost {\n      free\n      feeIndividuals\n      feeBusinesses\n      paymentDetails\n      recipient\n      iban\n      edrpou\n      termFromPayment\n    }\n    term {\n      days\n      unit\n    }\n    result\n    resultDelivery\n    refusalGrounds\n    appeal\n    keywords\n    formFields {\n      key\n      labelUk\n      labelEn\n      kind\n      required\n      options\n    }\n    rnokppOptional\n  }\n": typeof types.ServiceCardDocument,
    "\n  query StandardCard($id: ID!) {\n    standardService(id: $id) {\n      id\n      code\n      currentVersion\n      publishedVersion\n      card {\n        ...CardFields\n      }\n      publishedCard {\n        ...CardFields\n      }\n    }\n  }\n": typeof types.StandardCardDocument,
    "\n  mutation SaveStandard($input: UpdateStandardServiceInput!) {\n    updateStandardService(input: $input) {\n      standardService {\n        id\n        currentVersion\n        publishedVersion\n      }\n    }\n  }\n": typeof types.SaveStandardDocument,
    "\n  mutation PublishStandard($input: IdInput!) {\n    publishStandardService(input: $input) {\n      standardService {\n        id\n        publishedVersion\n      }\n    }\n  }\n": typeof types.PublishStandardDocument,
    "\n  mutation SaveService($input: UpdateServiceInput!) {\n    updateService(input: $input) {\n      service {\n        id\n        currentVersion\n        status\n        overriddenFields\n      }\n    }\n  }\n": typeof types.SaveServiceDocument,
    "\n  mutation PublishCard($input: IdInput!) {\n    publishService(input: $input) {\n      service {\n        id\n        status\n      }\n    }\n  }\n": typeof types.PublishCardDocument,
    "\n  query Catalog {\n    standardServices(first: 100) {\n      nodes {\n        id\n        code\n        publishedVersion\n        card {\n          nameUk\n          category\n          term {\n            days\n            unit\n          }\n        }\n      }\n    }\n    services(first: 100) {\n      nodes {\n        id\n        standardServiceId\n        status\n        overriddenFields\n        card {\n          code\n          nameUk\n        }\n      }\n    }\n  }\n": typeof types.CatalogDocument,
    "\n  mutation Adopt($input: AdoptStandardServiceInput!) {\n    adoptStandardService(input: $input) {\n      service {\n        id\n        status\n      }\n    }\n  }\n": typeof types.AdoptDocument,
    "\n  mutation PublishService($input: IdInput!) {\n    publishService(input: $input) {\n      service {\n        id\n        status\n      }\n    }\n  }\n": typeof types.PublishServiceDocument,
    "\n  query Providers {\n    providers {\n      id\n      nameUk\n      edrpou\n      phone\n      email\n    }\n  }\n": typeof types.ProvidersDocument,
    "\n  mutation CreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      provider {\n        id\n      }\n    }\n  }\n": typeof types.CreateProviderDocument,
    "\n  query StandardList {\n    standardServices(first: 100) {\n      nodes {\n        id\n        code\n        currentVersion\n        publishedVersion\n        card {\n          nameUk\n          category\n        }\n      }\n    }\n  }\n": typeof types.StandardListDocument,
    "\n  mutation CreateStandard($input: CreateStandardServiceInput!) {\n    createStandardService(input: $input) {\n      standardService {\n        id\n      }\n    }\n  }\n": typeof types.CreateStandardDocument,
    "\n  query Cnaps($from: NaiveDate!, $to: NaiveDate!) {\n    cnaps {\n      ...Place\n    }\n    remoteWorkplaces {\n      ...Place\n    }\n    holidays(from: $from, to: $to) {\n      date\n      kind\n      nameUk\n      inherited\n    }\n  }\n  fragment Place on Cnap {\n    id\n    kind\n    nameUk\n    nameEn\n    addressUk\n    addressEn\n    lat\n    lon\n    phone\n    email\n    website\n    active\n    version\n    accessibility {\n      stepFree\n      floor\n      selfServiceTerminal\n      signLanguage\n    }\n    schedule {\n      mon { ...Day }\n      tue { ...Day }\n      wed { ...Day }\n      thu { ...Day }\n      fri { ...Day }\n      sat { ...Day }\n      sun { ...Day }\n    }\n    exceptions {\n      date\n      note\n      hours { ...Day }\n    }\n  }\n  fragment Day on DayHours {\n    open\n    close\n    breaks {\n      from\n      to\n    }\n  }\n": typeof types.CnapsDocument,
    "\n  mutation UpdateCnap($input: UpdateCnapInput!) {\n    updateCnap(input: $input) {\n      cnap {\n        id\n        version\n      }\n    }\n  }\n": typeof types.UpdateCnapDocument,
    "\n  mutation SetCalendarDay($input: SetCalendarDayInput!) {\n    setCalendarDay(input: $input) {\n      day {\n        date\n      }\n    }\n  }\n": typeof types.SetCalendarDayDocument,
    "\n  query MobileVisits {\n    mobileVisits {\n      id\n      placeUk\n      addressUk\n      startsAt\n      endsAt\n    }\n  }\n": typeof types.MobileVisitsDocument,
    "\n  mutation CreateMobileVisit($input: CreateMobileVisitInput!) {\n    createMobileVisit(input: $input) {\n      mobileVisit {\n        id\n      }\n    }\n  }\n": typeof types.CreateMobileVisitDocument,
    "\n  mutation CreateCnap($input: CreateCnapInput!) {\n    createCnap(input: $input) {\n      cnap {\n        id\n      }\n    }\n  }\n": typeof types.CreateCnapDocument,
    "\n  query Checklist {\n    launchChecklist {\n      sections {\n        key\n        pageId\n        filled\n      }\n      cnaps\n      cnapsWithHours\n      standardServices\n      standardAdopted\n      hasBoundary\n      publicLayers\n      people\n      pendingInvitations\n      ready\n    }\n  }\n": typeof types.ChecklistDocument,
    "\n  query CommunitySites {\n    communitySites(first: 100) {\n      nodes {\n        community {\n          slug\n          nameUk\n          status\n        }\n        template\n        pagesPublished\n        newsPublished\n        missingSections\n        complete\n        lastUpdate\n      }\n    }\n    myPermissions {\n      object\n      action\n    }\n    catalogCoverage(first: 100) {\n      nodes {\n        community {\n          slug\n        }\n        standardTotal\n        offered\n      }\n    }\n    gisSummary {\n      slug\n      hasBoundary\n      totalParcelAreaHa\n      layers {\n        features\n        public\n      }\n    }\n  }\n": typeof types.CommunitySitesDocument,
    "\n  mutation SetCommunityStatus($input: SetCommunityStatusInput!) {\n    setCommunityStatus(input: $input) {\n      community {\n        slug\n        status\n      }\n    }\n  }\n": typeof types.SetCommunityStatusDocument,
    "\n  query Codifier($query: String!) {\n    codifierHromadas(query: $query) {\n      code\n      name\n      raion\n      onboardedSlug\n      suggestedSlug\n      suggestedNameEn\n    }\n    siteTemplates {\n      key\n      nameUk\n    }\n  }\n": typeof types.CodifierDocument,
    "\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      community {\n        slug\n        nameUk\n        hosts\n      }\n    }\n  }\n": typeof types.CreateCommunityDocument,
    "\n  query LifeSituations {\n    lifeSituations {\n      id\n      slug\n      titleUk\n      titleEn\n      summaryUk\n      summaryEn\n      standardServiceIds\n      position\n      version\n    }\n    standardServices(first: 100) {\n      nodes {\n        id\n        code\n        publishedVersion\n        card {\n          nameUk\n        }\n      }\n    }\n  }\n": typeof types.LifeSituationsDocument,
    "\n  mutation SaveLifeSituation($input: SaveLifeSituationInput!) {\n    saveLifeSituation(input: $input) {\n      lifeSituation {\n        id\n        version\n      }\n    }\n  }\n": typeof types.SaveLifeSituationDocument,
    "\n  mutation DeleteLifeSituation($input: DeleteLifeSituationInput!) {\n    deleteLifeSituation(input: $input) {\n      deleted\n    }\n  }\n": typeof types.DeleteLifeSituationDocument,
    "\n  query SiteTemplates {\n    siteTemplates {\n      key\n      nameUk\n      nameEn\n      builtin\n      sections\n    }\n  }\n": typeof types.SiteTemplatesDocument,
    "\n  mutation CreateSiteTemplate($input: CreateSiteTemplateInput!) {\n    createSiteTemplate(input: $input) {\n      template {\n        key\n      }\n    }\n  }\n": typeof types.CreateSiteTemplateDocument,
    "\n  query Audit($after: String) {\n    auditLog(first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        tenantSlug\n        at\n        actorEmail\n        action\n        targetType\n        targetId\n      }\n    }\n  }\n": typeof types.AuditDocument,
    "\n  query People {\n    tenant {\n      kind\n    }\n    providers {\n      id\n      nameUk\n    }\n    people {\n      holders {\n        userId\n        email\n        displayName\n        roles\n        since\n      }\n      invitations {\n        email\n        role\n        createdAt\n        expiresAt\n      }\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  mutation Invite($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      email\n      role\n    }\n  }\n": typeof types.InviteDocument,
    "\n  mutation Grant($input: RoleInput!) {\n    grantRole(input: $input) {\n      role\n    }\n  }\n": typeof types.GrantDocument,
    "\n  mutation Revoke($input: RoleInput!) {\n    revokeRole(input: $input) {\n      role\n    }\n  }\n": typeof types.RevokeDocument,
    "\n  query CounterPlaces {\n    cnaps {\n      id\n      nameUk\n      nameEn\n      active\n    }\n  }\n": typeof types.CounterPlacesDocument,
    "\n  query CounterQueue($cnapId: ID!) {\n    queueSettings(cnapId: $cnapId) {\n      version\n      workplaces {\n        id\n        nameUk\n        nameEn\n        active\n      }\n      services {\n        serviceId\n        group\n      }\n    }\n    queueBoard(cnapId: $cnapId) {\n      called {\n        id\n        ticket\n        status\n        booked\n        workplaceId\n        workplaceNameUk\n      }\n      waiting {\n        letter\n        waiting\n      }\n    }\n  }\n": typeof types.CounterQueueDocument,
    "\n  mutation CounterCallNext($input: CallNextInput!) {\n    callNext(input: $input) {\n      visit {\n        id\n        ticket\n        status\n        booked\n      }\n    }\n  }\n": typeof types.CounterCallNextDocument,
    "\n  mutation CounterStart($input: VisitStepInput!) {\n    startVisit(input: $input) {\n      visit {\n        id\n        status\n      }\n    }\n  }\n": typeof types.CounterStartDocument,
    "\n  mutation CounterFinish($input: VisitStepInput!) {\n    finishVisit(input: $input) {\n      visit {\n        id\n        status\n      }\n    }\n  }\n": typeof types.CounterFinishDocument,
    "\n  mutation CounterNoShow($input: VisitStepInput!) {\n    markNoShow(input: $input) {\n      visit {\n        id\n        status\n      }\n    }\n  }\n": typeof types.CounterNoShowDocument,
    "\n  mutation CounterTicket($input: IssueTicketInput!) {\n    issueTicket(input: $input) {\n      visit {\n        ticket\n        ahead\n      }\n    }\n  }\n": typeof types.CounterTicketDocument,
    "\n  mutation CounterCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) {\n      visit {\n        ticket\n        ahead\n      }\n    }\n  }\n": typeof types.CounterCheckInDocument,
    "\n  query QueueSetupPlaces {\n    cnaps {\n      id\n      nameUk\n      nameEn\n      active\n    }\n  }\n": typeof types.QueueSetupPlacesDocument,
    "\n  query QueueSetup($cnapId: ID!) {\n    queueSettings(cnapId: $cnapId) {\n      cnapId\n      version\n      horizonDays\n      walkInPercent\n      checkInMinutes\n      callRule\n      groups {\n        letter\n        nameUk\n        nameEn\n      }\n      workplaces {\n        id\n        nameUk\n        nameEn\n        groups\n        active\n      }\n      services {\n        serviceId\n        group\n        minutes\n      }\n    }\n  }\n": typeof types.QueueSetupDocument,
    "\n  mutation QueueSetupSave($input: UpdateQueueSettingsInput!) {\n    updateQueueSettings(input: $input) {\n      bookingsChanged\n      settings {\n        version\n      }\n    }\n  }\n": typeof types.QueueSetupSaveDocument,
    "\n  query QueueStatsPlaces {\n    cnaps {\n      id\n      nameUk\n      nameEn\n    }\n    tenant {\n      kind\n    }\n  }\n": typeof types.QueueStatsPlacesDocument,
    "\n  query QueueStatsScreen($cnapId: ID, $from: NaiveDate!, $to: NaiveDate!, $by: QueueStatsBy!) {\n    queueStats(cnapId: $cnapId, from: $from, to: $to, by: $by) {\n      rows {\n        ...QueueStatsLine\n      }\n      total {\n        ...QueueStatsLine\n      }\n      bookings {\n        booked\n        used\n        noShows\n        cancelled\n      }\n    }\n  }\n  fragment QueueStatsLine on QueueStatsRow {\n    key\n    visits\n    served\n    noShows\n    waitMedianMinutes\n    waitP90Minutes\n    serviceMedianMinutes\n    serviceP90Minutes\n    waitedWithin15Percent\n  }\n": typeof types.QueueStatsScreenDocument,
    "\n  query MediaLibrary {\n    mediaItems(first: 100) {\n      nodes {\n        id\n        kind\n        fileName\n        contentType\n        byteSize\n        title\n        altUk\n        altEn\n        width\n        height\n        url\n        variants {\n          width\n          url\n        }\n        createdAt\n      }\n    }\n  }\n": typeof types.MediaLibraryDocument,
    "\n  mutation UpdateMedia($input: UpdateMediaInput!) {\n    updateMedia(input: $input) {\n      mediaItem {\n        id\n        altUk\n        altEn\n        title\n      }\n    }\n  }\n": typeof types.UpdateMediaDocument,
    "\n  query NewsList {\n    newsPosts(first: 50) {\n      nodes {\n        id\n        slug\n        version\n        status\n        titleUk\n        date\n        publishedAt\n      }\n    }\n  }\n": typeof types.NewsListDocument,
    "\n  mutation CreateNews($input: CreateNewsPostInput!) {\n    createNewsPost(input: $input) {\n      newsPost {\n        id\n        version\n      }\n    }\n  }\n": typeof types.CreateNewsDocument,
    "\n  mutation PublishNews($input: PublishInput!) {\n    publishNewsPost(input: $input) {\n      newsPost {\n        id\n        status\n      }\n    }\n  }\n": typeof types.PublishNewsDocument,
    "\n  query EditNews($id: ID!) {\n    newsPost(id: $id) {\n      id\n      slug\n      version\n      status\n      titleUk\n      titleEn\n      leadUk\n      bodyUk\n      coverId\n      coverAltUk\n      publishedAt\n      updatedAt\n    }\n  }\n": typeof types.EditNewsDocument,
    "\n  mutation SaveNews($input: UpdateNewsPostInput!) {\n    updateNewsPost(input: $input) {\n      newsPost {\n        id\n        version\n        status\n      }\n    }\n  }\n": typeof types.SaveNewsDocument,
    "\n  mutation PublishNewsItem($input: PublishInput!) {\n    publishNewsPost(input: $input) {\n      newsPost {\n        id\n        version\n        status\n      }\n    }\n  }\n": typeof types.PublishNewsItemDocument,
    "\n  mutation UnpublishNews($input: UnpublishInput!) {\n    unpublishNewsPost(input: $input) {\n      newsPost {\n        id\n        status\n      }\n    }\n  }\n": typeof types.UnpublishNewsDocument,
    "\n  query EditPage($id: ID!) {\n    page(id: $id) {\n      id\n      slug\n      section\n      version\n      status\n      hasUnpublishedChanges\n      titleUk\n      titleEn\n      descriptionUk\n      descriptionEn\n      blocks\n      publishedAt\n      scheduledAt\n      updatedAt\n    }\n    blockSchema\n    mediaItems(first: 100) {\n      nodes {\n        id\n        kind\n        fileName\n        title\n      }\n    }\n    cnaps {\n      id\n      nameUk\n    }\n    layers {\n      id\n      nameUk\n    }\n  }\n": typeof types.EditPageDocument,
    "\n  query PageRevisions($id: ID!) {\n    pageRevisions(pageId: $id, first: 20) {\n      nodes {\n        id\n        version\n        action\n        at\n        titleUk\n        blocks\n      }\n    }\n  }\n": typeof types.PageRevisionsDocument,
    "\n  mutation SavePage($input: UpdatePageInput!) {\n    updatePage(input: $input) {\n      page {\n        id\n        version\n        status\n        hasUnpublishedChanges\n        updatedAt\n      }\n    }\n  }\n": typeof types.SavePageDocument,
    "\n  mutation PublishPage($input: PublishInput!) {\n    publishPage(input: $input) {\n      page {\n        id\n        version\n        status\n        hasUnpublishedChanges\n        publishedAt\n        scheduledAt\n      }\n    }\n  }\n": typeof types.PublishPageDocument,
    "\n  mutation UnpublishPage($input: UnpublishInput!) {\n    unpublishPage(input: $input) {\n      page {\n        id\n        version\n        status\n      }\n    }\n  }\n": typeof types.UnpublishPageDocument,
    "\n  mutation RestoreRevision($input: RestoreRevisionInput!) {\n    restoreRevision(input: $input) {\n      page {\n        id\n        version\n      }\n    }\n  }\n": typeof types.RestoreRevisionDocument,
    "\n  mutation SharePreview($input: CreatePreviewLinkInput!) {\n    createPreviewLink(input: $input) {\n      path\n      expiresAt\n    }\n  }\n": typeof types.SharePreviewDocument,
    "\n  query SitePages {\n    pages(first: 100) {\n      nodes {\n        id\n        parentId\n        slug\n        position\n        section\n        version\n        status\n        hasUnpublishedChanges\n        titleUk\n      }\n    }\n  }\n": typeof types.SitePagesDocument,
    "\n  mutation MovePage($input: UpdatePageInput!) {\n    updatePage(input: $input) {\n      page {\n        id\n        parentId\n        position\n        version\n      }\n    }\n  }\n": typeof types.MovePageDocument,
    "\n  mutation CreatePage($input: CreatePageInput!) {\n    createPage(input: $input) {\n      page {\n        id\n      }\n    }\n  }\n": typeof types.CreatePageDocument,
    "\n  query SiteSettings {\n    site {\n      version\n      theme {\n        scheme\n        logoId\n        faviconId\n      }\n      schemes {\n        key\n        nameUk\n        primary\n      }\n    }\n    menus {\n      key\n      version\n      items\n    }\n    pages(first: 100) {\n      nodes {\n        id\n        titleUk\n      }\n    }\n    mediaItems(kind: IMAGE, first: 100) {\n      nodes {\n        id\n        title\n        fileName\n      }\n    }\n    myPermissions {\n      object\n      action\n    }\n  }\n": typeof types.SiteSettingsDocument,
    "\n  mutation UpdateTheme($input: UpdateThemeInput!) {\n    updateTheme(input: $input) {\n      site {\n        version\n      }\n    }\n  }\n": typeof types.UpdateThemeDocument,
    "\n  mutation UpdateMenu($input: UpdateMenuInput!) {\n    updateMenu(input: $input) {\n      menu {\n        key\n        version\n      }\n    }\n  }\n": typeof types.UpdateMenuDocument,
};
const documents: Documents = {
    "\n  query AllServicesPage($after: String) {\n    services(first: 100, after: $after) {\n      nodes {\n        id\n        status\n        card {\n          nameUk\n          nameEn\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AllServicesPageDocument,
    "\n  mutation Upload($input: UploadMediaInput!) {\n    uploadMedia(input: $input) {\n      mediaItem {\n        id\n        url\n        altUk\n      }\n    }\n  }\n": types.UploadDocument,
    "\n  query Start {\n    me {\n      id\n      roles {\n        tenantSlug\n      }\n    }\n    tenant {\n      slug\n    }\n  }\n": types.StartDocument,
    "\n  query Frame {\n    me {\n      id\n      email\n      roles {\n        tenantSlug\n        tenantKind\n        role\n      }\n    }\n    tenant {\n      slug\n      kind\n      nameUk\n      nameEn\n      status\n    }\n    myPermissions {\n      object\n      action\n    }\n  }\n": types.FrameDocument,
    "\n  query DeskCase($id: ID!) {\n    application(id: $id) {\n      id\n      tracking\n      serviceId\n      serviceNameUk\n      serviceNameEn\n      status\n      statusNameUk\n      statusNameEn\n      version\n      channel\n      person {\n        fullName\n        email\n        phone\n        rnokpp\n      }\n      fields {\n        key\n        value\n      }\n      remarks {\n        field\n        text\n      }\n      fixBy\n      clarification\n      decision {\n        approved\n        grounds\n        legalBasis\n      }\n      submittedAt\n      dueDate\n      overdue\n      paused\n      decidedAt\n      closedAt\n      fee\n      paidAt\n      providerId\n      assignedTo\n      documentsPurgedAt\n      history {\n        at\n        action\n        statusTo\n        actorKind\n        actorName\n        channel\n        comment\n      }\n      documents {\n        id\n        slot\n        fileName\n        sizeBytes\n        url\n        purgedAt\n      }\n      rating {\n        score\n        comment\n      }\n    }\n    me {\n      id\n    }\n    myPermissions {\n      object\n      action\n    }\n    providers {\n      id\n      nameUk\n      nameEn\n    }\n  }\n": types.DeskCaseDocument,
    "\n  query DeskCaseCard($id: ID!) {\n    service(id: $id) {\n      id\n      card {\n        documents {\n          name\n        }\n        formFields {\n          key\n          labelUk\n          labelEn\n        }\n      }\n    }\n  }\n": types.DeskCaseCardDocument,
    "\n  mutation DeskRegister($input: ApplicationMoveInput!) {\n    registerApplication(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": types.DeskRegisterDocument,
    "\n  mutation DeskReturn($input: ReturnForCorrectionInput!) {\n    returnForCorrection(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": types.DeskReturnDocument,
    "\n  mutation DeskForward($input: ForwardApplicationInput!) {\n    forwardApplication(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": types.DeskForwardDocument,
    "\n  mutation DeskAsk($input: RequestClarificationInput!) {\n    requestClarification(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": types.DeskAskDocument,
    "\n  mutation DeskAnswer($input: AnswerClarificationInput!) {\n    answerClarification(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": types.DeskAnswerDocument,
    "\n  mutation DeskDecide($input: DecideApplicationInput!) {\n    decideApplication(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": types.DeskDecideDocument,
    "\n  mutation DeskReady($input: ApplicationMoveInput!) {\n    markResultReady(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": types.DeskReadyDocument,
    "\n  mutation DeskIssued($input: ApplicationMoveInput!) {\n    markIssued(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": types.DeskIssuedDocument,
    "\n  mutation DeskPaid($input: ApplicationMoveInput!) {\n    confirmPayment(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n": types.DeskPaidDocument,
    "\n  mutation DeskAssign($input: AssignApplicationInput!) {\n    assignApplication(input: $input) {\n      application {\n        id\n        version\n        assignedTo\n      }\n    }\n  }\n": types.DeskAssignDocument,
    "\n  query DeskInbox($filter: ApplicationFilter, $after: String) {\n    applications(filter: $filter, first: 25, after: $after) {\n      nodes {\n        id\n        tracking\n        status\n        statusNameUk\n        statusNameEn\n        serviceNameUk\n        serviceNameEn\n        person {\n          fullName\n        }\n        channel\n        submittedAt\n        dueDate\n        overdue\n        paused\n        assignedTo\n      }\n      endCursor\n      hasNextPage\n      counts {\n        status\n        count\n      }\n      overdue\n    }\n    services(first: 100) {\n      nodes {\n        id\n        card {\n          nameUk\n          nameEn\n        }\n      }\n    }\n    me {\n      id\n    }\n    myPermissions {\n      object\n      action\n    }\n  }\n": types.DeskInboxDocument,
    "\n  query IntakeServices {\n    services(first: 100) {\n      nodes {\n        id\n        status\n        card {\n          code\n          nameUk\n          nameEn\n        }\n      }\n    }\n  }\n": types.IntakeServicesDocument,
    "\n  query IntakeCard($id: ID!) {\n    service(id: $id) {\n      id\n      card {\n        rnokppOptional\n        documents {\n          name\n        }\n        formFields {\n          key\n          labelUk\n          labelEn\n          kind\n          required\n          options\n        }\n      }\n    }\n  }\n": types.IntakeCardDocument,
    "\n  mutation IntakeApplication($input: IntakeApplicationInput!) {\n    intakeApplication(input: $input) {\n      accessCode\n      statusUrl\n      application {\n        id\n        tracking\n        dueDate\n      }\n    }\n  }\n": types.IntakeApplicationDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      user {\n        email\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      accepted\n    }\n  }\n": types.RequestResetDocument,
    "\n  mutation SetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      user {\n        email\n      }\n    }\n  }\n": types.SetPasswordDocument,
    "\n  query ServiceCard($id: ID!) {\n    service(id: $id) {\n      id\n      standardServiceId\n      status\n      currentVersion\n      overriddenFields\n      card {\n        ...CardFields\n      }\n    }\n  }\n  fragment CardFields on ServiceCard {\n    code\n    nameUk\n    nameEn\n    category\n    lifeSituation\n    audience\n    legalBasis {\n      kind\n      number\n      date\n      title\n      url\n    }\n    grounds\n    documents {\n      name\n      requirements\n      originalRequired\n    }\n    submission\n    channels {\n      kind\n      url\n    }\n    cost {\n      free\n      feeIndividuals\n      feeBusinesses\n      paymentDetails\n      recipient\n      iban\n      edrpou\n      termFromPayment\n    }\n    term {\n      days\n      unit\n    }\n    result\n    resultDelivery\n    refusalGrounds\n    appeal\n    keywords\n    formFields {\n      key\n      labelUk\n      labelEn\n      kind\n      required\n      options\n    }\n    rnokppOptional\n  }\n": types.ServiceCardDocument,
    "\n  query StandardCard($id: ID!) {\n    standardService(id: $id) {\n      id\n      code\n      currentVersion\n      publishedVersion\n      card {\n        ...CardFields\n      }\n      publishedCard {\n        ...CardFields\n      }\n    }\n  }\n": types.StandardCardDocument,
    "\n  mutation SaveStandard($input: UpdateStandardServiceInput!) {\n    updateStandardService(input: $input) {\n      standardService {\n        id\n        currentVersion\n        publishedVersion\n      }\n    }\n  }\n": types.SaveStandardDocument,
    "\n  mutation PublishStandard($input: IdInput!) {\n    publishStandardService(input: $input) {\n      standardService {\n        id\n        publishedVersion\n      }\n    }\n  }\n": types.PublishStandardDocument,
    "\n  mutation SaveService($input: UpdateServiceInput!) {\n    updateService(input: $input) {\n      service {\n        id\n        currentVersion\n        status\n        overriddenFields\n      }\n    }\n  }\n": types.SaveServiceDocument,
    "\n  mutation PublishCard($input: IdInput!) {\n    publishService(input: $input) {\n      service {\n        id\n        status\n      }\n    }\n  }\n": types.PublishCardDocument,
    "\n  query Catalog {\n    standardServices(first: 100) {\n      nodes {\n        id\n        code\n        publishedVersion\n        card {\n          nameUk\n          category\n          term {\n            days\n            unit\n          }\n        }\n      }\n    }\n    services(first: 100) {\n      nodes {\n        id\n        standardServiceId\n        status\n        overriddenFields\n        card {\n          code\n          nameUk\n        }\n      }\n    }\n  }\n": types.CatalogDocument,
    "\n  mutation Adopt($input: AdoptStandardServiceInput!) {\n    adoptStandardService(input: $input) {\n      service {\n        id\n        status\n      }\n    }\n  }\n": types.AdoptDocument,
    "\n  mutation PublishService($input: IdInput!) {\n    publishService(input: $input) {\n      service {\n        id\n        status\n      }\n    }\n  }\n": types.PublishServiceDocument,
    "\n  query Providers {\n    providers {\n      id\n      nameUk\n      edrpou\n      phone\n      email\n    }\n  }\n": types.ProvidersDocument,
    "\n  mutation CreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      provider {\n        id\n      }\n    }\n  }\n": types.CreateProviderDocument,
    "\n  query StandardList {\n    standardServices(first: 100) {\n      nodes {\n        id\n        code\n        currentVersion\n        publishedVersion\n        card {\n          nameUk\n          category\n        }\n      }\n    }\n  }\n": types.StandardListDocument,
    "\n  mutation CreateStandard($input: CreateStandardServiceInput!) {\n    createStandardService(input: $input) {\n      standardService {\n        id\n      }\n    }\n  }\n": types.CreateStandardDocument,
    "\n  query Cnaps($from: NaiveDate!, $to: NaiveDate!) {\n    cnaps {\n      ...Place\n    }\n    remoteWorkplaces {\n      ...Place\n    }\n    holidays(from: $from, to: $to) {\n      date\n      kind\n      nameUk\n      inherited\n    }\n  }\n  fragment Place on Cnap {\n    id\n    kind\n    nameUk\n    nameEn\n    addressUk\n    addressEn\n    lat\n    lon\n    phone\n    email\n    website\n    active\n    version\n    accessibility {\n      stepFree\n      floor\n      selfServiceTerminal\n      signLanguage\n    }\n    schedule {\n      mon { ...Day }\n      tue { ...Day }\n      wed { ...Day }\n      thu { ...Day }\n      fri { ...Day }\n      sat { ...Day }\n      sun { ...Day }\n    }\n    exceptions {\n      date\n      note\n      hours { ...Day }\n    }\n  }\n  fragment Day on DayHours {\n    open\n    close\n    breaks {\n      from\n      to\n    }\n  }\n": types.CnapsDocument,
    "\n  mutation UpdateCnap($input: UpdateCnapInput!) {\n    updateCnap(input: $input) {\n      cnap {\n        id\n        version\n      }\n    }\n  }\n": types.UpdateCnapDocument,
    "\n  mutation SetCalendarDay($input: SetCalendarDayInput!) {\n    setCalendarDay(input: $input) {\n      day {\n        date\n      }\n    }\n  }\n": types.SetCalendarDayDocument,
    "\n  query MobileVisits {\n    mobileVisits {\n      id\n      placeUk\n      addressUk\n      startsAt\n      endsAt\n    }\n  }\n": types.MobileVisitsDocument,
    "\n  mutation CreateMobileVisit($input: CreateMobileVisitInput!) {\n    createMobileVisit(input: $input) {\n      mobileVisit {\n        id\n      }\n    }\n  }\n": types.CreateMobileVisitDocument,
    "\n  mutation CreateCnap($input: CreateCnapInput!) {\n    createCnap(input: $input) {\n      cnap {\n        id\n      }\n    }\n  }\n": types.CreateCnapDocument,
    "\n  query Checklist {\n    launchChecklist {\n      sections {\n        key\n        pageId\n        filled\n      }\n      cnaps\n      cnapsWithHours\n      standardServices\n      standardAdopted\n      hasBoundary\n      publicLayers\n      people\n      pendingInvitations\n      ready\n    }\n  }\n": types.ChecklistDocument,
    "\n  query CommunitySites {\n    communitySites(first: 100) {\n      nodes {\n        community {\n          slug\n          nameUk\n          status\n        }\n        template\n        pagesPublished\n        newsPublished\n        missingSections\n        complete\n        lastUpdate\n      }\n    }\n    myPermissions {\n      object\n      action\n    }\n    catalogCoverage(first: 100) {\n      nodes {\n        community {\n          slug\n        }\n        standardTotal\n        offered\n      }\n    }\n    gisSummary {\n      slug\n      hasBoundary\n      totalParcelAreaHa\n      layers {\n        features\n        public\n      }\n    }\n  }\n": types.CommunitySitesDocument,
    "\n  mutation SetCommunityStatus($input: SetCommunityStatusInput!) {\n    setCommunityStatus(input: $input) {\n      community {\n        slug\n        status\n      }\n    }\n  }\n": types.SetCommunityStatusDocument,
    "\n  query Codifier($query: String!) {\n    codifierHromadas(query: $query) {\n      code\n      name\n      raion\n      onboardedSlug\n      suggestedSlug\n      suggestedNameEn\n    }\n    siteTemplates {\n      key\n      nameUk\n    }\n  }\n": types.CodifierDocument,
    "\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      community {\n        slug\n        nameUk\n        hosts\n      }\n    }\n  }\n": types.CreateCommunityDocument,
    "\n  query LifeSituations {\n    lifeSituations {\n      id\n      slug\n      titleUk\n      titleEn\n      summaryUk\n      summaryEn\n      standardServiceIds\n      position\n      version\n    }\n    standardServices(first: 100) {\n      nodes {\n        id\n        code\n        publishedVersion\n        card {\n          nameUk\n        }\n      }\n    }\n  }\n": types.LifeSituationsDocument,
    "\n  mutation SaveLifeSituation($input: SaveLifeSituationInput!) {\n    saveLifeSituation(input: $input) {\n      lifeSituation {\n        id\n        version\n      }\n    }\n  }\n": types.SaveLifeSituationDocument,
    "\n  mutation DeleteLifeSituation($input: DeleteLifeSituationInput!) {\n    deleteLifeSituation(input: $input) {\n      deleted\n    }\n  }\n": types.DeleteLifeSituationDocument,
    "\n  query SiteTemplates {\n    siteTemplates {\n      key\n      nameUk\n      nameEn\n      builtin\n      sections\n    }\n  }\n": types.SiteTemplatesDocument,
    "\n  mutation CreateSiteTemplate($input: CreateSiteTemplateInput!) {\n    createSiteTemplate(input: $input) {\n      template {\n        key\n      }\n    }\n  }\n": types.CreateSiteTemplateDocument,
    "\n  query Audit($after: String) {\n    auditLog(first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        tenantSlug\n        at\n        actorEmail\n        action\n        targetType\n        targetId\n      }\n    }\n  }\n": types.AuditDocument,
    "\n  query People {\n    tenant {\n      kind\n    }\n    providers {\n      id\n      nameUk\n    }\n    people {\n      holders {\n        userId\n        email\n        displayName\n        roles\n        since\n      }\n      invitations {\n        email\n        role\n        createdAt\n        expiresAt\n      }\n    }\n  }\n": types.PeopleDocument,
    "\n  mutation Invite($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      email\n      role\n    }\n  }\n": types.InviteDocument,
    "\n  mutation Grant($input: RoleInput!) {\n    grantRole(input: $input) {\n      role\n    }\n  }\n": types.GrantDocument,
    "\n  mutation Revoke($input: RoleInput!) {\n    revokeRole(input: $input) {\n      role\n    }\n  }\n": types.RevokeDocument,
    "\n  query CounterPlaces {\n    cnaps {\n      id\n      nameUk\n      nameEn\n      active\n    }\n  }\n": types.CounterPlacesDocument,
    "\n  query CounterQueue($cnapId: ID!) {\n    queueSettings(cnapId: $cnapId) {\n      version\n      workplaces {\n        id\n        nameUk\n        nameEn\n        active\n      }\n      services {\n        serviceId\n        group\n      }\n    }\n    queueBoard(cnapId: $cnapId) {\n      called {\n        id\n        ticket\n        status\n        booked\n        workplaceId\n        workplaceNameUk\n      }\n      waiting {\n        letter\n        waiting\n      }\n    }\n  }\n": types.CounterQueueDocument,
    "\n  mutation CounterCallNext($input: CallNextInput!) {\n    callNext(input: $input) {\n      visit {\n        id\n        ticket\n        status\n        booked\n      }\n    }\n  }\n": types.CounterCallNextDocument,
    "\n  mutation CounterStart($input: VisitStepInput!) {\n    startVisit(input: $input) {\n      visit {\n        id\n        status\n      }\n    }\n  }\n": types.CounterStartDocument,
    "\n  mutation CounterFinish($input: VisitStepInput!) {\n    finishVisit(input: $input) {\n      visit {\n        id\n        status\n      }\n    }\n  }\n": types.CounterFinishDocument,
    "\n  mutation CounterNoShow($input: VisitStepInput!) {\n    markNoShow(input: $input) {\n      visit {\n        id\n        status\n      }\n    }\n  }\n": types.CounterNoShowDocument,
    "\n  mutation CounterTicket($input: IssueTicketInput!) {\n    issueTicket(input: $input) {\n      visit {\n        ticket\n        ahead\n      }\n    }\n  }\n": types.CounterTicketDocument,
    "\n  mutation CounterCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) {\n      visit {\n        ticket\n        ahead\n      }\n    }\n  }\n": types.CounterCheckInDocument,
    "\n  query QueueSetupPlaces {\n    cnaps {\n      id\n      nameUk\n      nameEn\n      active\n    }\n  }\n": types.QueueSetupPlacesDocument,
    "\n  query QueueSetup($cnapId: ID!) {\n    queueSettings(cnapId: $cnapId) {\n      cnapId\n      version\n      horizonDays\n      walkInPercent\n      checkInMinutes\n      callRule\n      groups {\n        letter\n        nameUk\n        nameEn\n      }\n      workplaces {\n        id\n        nameUk\n        nameEn\n        groups\n        active\n      }\n      services {\n        serviceId\n        group\n        minutes\n      }\n    }\n  }\n": types.QueueSetupDocument,
    "\n  mutation QueueSetupSave($input: UpdateQueueSettingsInput!) {\n    updateQueueSettings(input: $input) {\n      bookingsChanged\n      settings {\n        version\n      }\n    }\n  }\n": types.QueueSetupSaveDocument,
    "\n  query QueueStatsPlaces {\n    cnaps {\n      id\n      nameUk\n      nameEn\n    }\n    tenant {\n      kind\n    }\n  }\n": types.QueueStatsPlacesDocument,
    "\n  query QueueStatsScreen($cnapId: ID, $from: NaiveDate!, $to: NaiveDate!, $by: QueueStatsBy!) {\n    queueStats(cnapId: $cnapId, from: $from, to: $to, by: $by) {\n      rows {\n        ...QueueStatsLine\n      }\n      total {\n        ...QueueStatsLine\n      }\n      bookings {\n        booked\n        used\n        noShows\n        cancelled\n      }\n    }\n  }\n  fragment QueueStatsLine on QueueStatsRow {\n    key\n    visits\n    served\n    noShows\n    waitMedianMinutes\n    waitP90Minutes\n    serviceMedianMinutes\n    serviceP90Minutes\n    waitedWithin15Percent\n  }\n": types.QueueStatsScreenDocument,
    "\n  query MediaLibrary {\n    mediaItems(first: 100) {\n      nodes {\n        id\n        kind\n        fileName\n        contentType\n        byteSize\n        title\n        altUk\n        altEn\n        width\n        height\n        url\n        variants {\n          width\n          url\n        }\n        createdAt\n      }\n    }\n  }\n": types.MediaLibraryDocument,
    "\n  mutation UpdateMedia($input: UpdateMediaInput!) {\n    updateMedia(input: $input) {\n      mediaItem {\n        id\n        altUk\n        altEn\n        title\n      }\n    }\n  }\n": types.UpdateMediaDocument,
    "\n  query NewsList {\n    newsPosts(first: 50) {\n      nodes {\n        id\n        slug\n        version\n        status\n        titleUk\n        date\n        publishedAt\n      }\n    }\n  }\n": types.NewsListDocument,
    "\n  mutation CreateNews($input: CreateNewsPostInput!) {\n    createNewsPost(input: $input) {\n      newsPost {\n        id\n        version\n      }\n    }\n  }\n": types.CreateNewsDocument,
    "\n  mutation PublishNews($input: PublishInput!) {\n    publishNewsPost(input: $input) {\n      newsPost {\n        id\n        status\n      }\n    }\n  }\n": types.PublishNewsDocument,
    "\n  query EditNews($id: ID!) {\n    newsPost(id: $id) {\n      id\n      slug\n      version\n      status\n      titleUk\n      titleEn\n      leadUk\n      bodyUk\n      coverId\n      coverAltUk\n      publishedAt\n      updatedAt\n    }\n  }\n": types.EditNewsDocument,
    "\n  mutation SaveNews($input: UpdateNewsPostInput!) {\n    updateNewsPost(input: $input) {\n      newsPost {\n        id\n        version\n        status\n      }\n    }\n  }\n": types.SaveNewsDocument,
    "\n  mutation PublishNewsItem($input: PublishInput!) {\n    publishNewsPost(input: $input) {\n      newsPost {\n        id\n        version\n        status\n      }\n    }\n  }\n": types.PublishNewsItemDocument,
    "\n  mutation UnpublishNews($input: UnpublishInput!) {\n    unpublishNewsPost(input: $input) {\n      newsPost {\n        id\n        status\n      }\n    }\n  }\n": types.UnpublishNewsDocument,
    "\n  query EditPage($id: ID!) {\n    page(id: $id) {\n      id\n      slug\n      section\n      version\n      status\n      hasUnpublishedChanges\n      titleUk\n      titleEn\n      descriptionUk\n      descriptionEn\n      blocks\n      publishedAt\n      scheduledAt\n      updatedAt\n    }\n    blockSchema\n    mediaItems(first: 100) {\n      nodes {\n        id\n        kind\n        fileName\n        title\n      }\n    }\n    cnaps {\n      id\n      nameUk\n    }\n    layers {\n      id\n      nameUk\n    }\n  }\n": types.EditPageDocument,
    "\n  query PageRevisions($id: ID!) {\n    pageRevisions(pageId: $id, first: 20) {\n      nodes {\n        id\n        version\n        action\n        at\n        titleUk\n        blocks\n      }\n    }\n  }\n": types.PageRevisionsDocument,
    "\n  mutation SavePage($input: UpdatePageInput!) {\n    updatePage(input: $input) {\n      page {\n        id\n        version\n        status\n        hasUnpublishedChanges\n        updatedAt\n      }\n    }\n  }\n": types.SavePageDocument,
    "\n  mutation PublishPage($input: PublishInput!) {\n    publishPage(input: $input) {\n      page {\n        id\n        version\n        status\n        hasUnpublishedChanges\n        publishedAt\n        scheduledAt\n      }\n    }\n  }\n": types.PublishPageDocument,
    "\n  mutation UnpublishPage($input: UnpublishInput!) {\n    unpublishPage(input: $input) {\n      page {\n        id\n        version\n        status\n      }\n    }\n  }\n": types.UnpublishPageDocument,
    "\n  mutation RestoreRevision($input: RestoreRevisionInput!) {\n    restoreRevision(input: $input) {\n      page {\n        id\n        version\n      }\n    }\n  }\n": types.RestoreRevisionDocument,
    "\n  mutation SharePreview($input: CreatePreviewLinkInput!) {\n    createPreviewLink(input: $input) {\n      path\n      expiresAt\n    }\n  }\n": types.SharePreviewDocument,
    "\n  query SitePages {\n    pages(first: 100) {\n      nodes {\n        id\n        parentId\n        slug\n        position\n        section\n        version\n        status\n        hasUnpublishedChanges\n        titleUk\n      }\n    }\n  }\n": types.SitePagesDocument,
    "\n  mutation MovePage($input: UpdatePageInput!) {\n    updatePage(input: $input) {\n      page {\n        id\n        parentId\n        position\n        version\n      }\n    }\n  }\n": types.MovePageDocument,
    "\n  mutation CreatePage($input: CreatePageInput!) {\n    createPage(input: $input) {\n      page {\n        id\n      }\n    }\n  }\n": types.CreatePageDocument,
    "\n  query SiteSettings {\n    site {\n      version\n      theme {\n        scheme\n        logoId\n        faviconId\n      }\n      schemes {\n        key\n        nameUk\n        primary\n      }\n    }\n    menus {\n      key\n      version\n      items\n    }\n    pages(first: 100) {\n      nodes {\n        id\n        titleUk\n      }\n    }\n    mediaItems(kind: IMAGE, first: 100) {\n      nodes {\n        id\n        title\n        fileName\n      }\n    }\n    myPermissions {\n      object\n      action\n    }\n  }\n": types.SiteSettingsDocument,
    "\n  mutation UpdateTheme($input: UpdateThemeInput!) {\n    updateTheme(input: $input) {\n      site {\n        version\n      }\n    }\n  }\n": types.UpdateThemeDocument,
    "\n  mutation UpdateMenu($input: UpdateMenuInput!) {\n    updateMenu(input: $input) {\n      menu {\n        key\n        version\n      }\n    }\n  }\n": types.UpdateMenuDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllServicesPage($after: String) {\n    services(first: 100, after: $after) {\n      nodes {\n        id\n        status\n        card {\n          nameUk\n          nameEn\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AllServicesPage($after: String) {\n    services(first: 100, after: $after) {\n      nodes {\n        id\n        status\n        card {\n          nameUk\n          nameEn\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Upload($input: UploadMediaInput!) {\n    uploadMedia(input: $input) {\n      mediaItem {\n        id\n        url\n        altUk\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Upload($input: UploadMediaInput!) {\n    uploadMedia(input: $input) {\n      mediaItem {\n        id\n        url\n        altUk\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Start {\n    me {\n      id\n      roles {\n        tenantSlug\n      }\n    }\n    tenant {\n      slug\n    }\n  }\n"): (typeof documents)["\n  query Start {\n    me {\n      id\n      roles {\n        tenantSlug\n      }\n    }\n    tenant {\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Frame {\n    me {\n      id\n      email\n      roles {\n        tenantSlug\n        tenantKind\n        role\n      }\n    }\n    tenant {\n      slug\n      kind\n      nameUk\n      nameEn\n      status\n    }\n    myPermissions {\n      object\n      action\n    }\n  }\n"): (typeof documents)["\n  query Frame {\n    me {\n      id\n      email\n      roles {\n        tenantSlug\n        tenantKind\n        role\n      }\n    }\n    tenant {\n      slug\n      kind\n      nameUk\n      nameEn\n      status\n    }\n    myPermissions {\n      object\n      action\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskCase($id: ID!) {\n    application(id: $id) {\n      id\n      tracking\n      serviceId\n      serviceNameUk\n      serviceNameEn\n      status\n      statusNameUk\n      statusNameEn\n      version\n      channel\n      person {\n        fullName\n        email\n        phone\n        rnokpp\n      }\n      fields {\n        key\n        value\n      }\n      remarks {\n        field\n        text\n      }\n      fixBy\n      clarification\n      decision {\n        approved\n        grounds\n        legalBasis\n      }\n      submittedAt\n      dueDate\n      overdue\n      paused\n      decidedAt\n      closedAt\n      fee\n      paidAt\n      providerId\n      assignedTo\n      documentsPurgedAt\n      history {\n        at\n        action\n        statusTo\n        actorKind\n        actorName\n        channel\n        comment\n      }\n      documents {\n        id\n        slot\n        fileName\n        sizeBytes\n        url\n        purgedAt\n      }\n      rating {\n        score\n        comment\n      }\n    }\n    me {\n      id\n    }\n    myPermissions {\n      object\n      action\n    }\n    providers {\n      id\n      nameUk\n      nameEn\n    }\n  }\n"): (typeof documents)["\n  query DeskCase($id: ID!) {\n    application(id: $id) {\n      id\n      tracking\n      serviceId\n      serviceNameUk\n      serviceNameEn\n      status\n      statusNameUk\n      statusNameEn\n      version\n      channel\n      person {\n        fullName\n        email\n        phone\n        rnokpp\n      }\n      fields {\n        key\n        value\n      }\n      remarks {\n        field\n        text\n      }\n      fixBy\n      clarification\n      decision {\n        approved\n        grounds\n        legalBasis\n      }\n      submittedAt\n      dueDate\n      overdue\n      paused\n      decidedAt\n      closedAt\n      fee\n      paidAt\n      providerId\n      assignedTo\n      documentsPurgedAt\n      history {\n        at\n        action\n        statusTo\n        actorKind\n        actorName\n        channel\n        comment\n      }\n      documents {\n        id\n        slot\n        fileName\n        sizeBytes\n        url\n        purgedAt\n      }\n      rating {\n        score\n        comment\n      }\n    }\n    me {\n      id\n    }\n    myPermissions {\n      object\n      action\n    }\n    providers {\n      id\n      nameUk\n      nameEn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskCaseCard($id: ID!) {\n    service(id: $id) {\n      id\n      card {\n        documents {\n          name\n        }\n        formFields {\n          key\n          labelUk\n          labelEn\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskCaseCard($id: ID!) {\n    service(id: $id) {\n      id\n      card {\n        documents {\n          name\n        }\n        formFields {\n          key\n          labelUk\n          labelEn\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskRegister($input: ApplicationMoveInput!) {\n    registerApplication(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskRegister($input: ApplicationMoveInput!) {\n    registerApplication(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskReturn($input: ReturnForCorrectionInput!) {\n    returnForCorrection(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskReturn($input: ReturnForCorrectionInput!) {\n    returnForCorrection(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskForward($input: ForwardApplicationInput!) {\n    forwardApplication(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskForward($input: ForwardApplicationInput!) {\n    forwardApplication(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskAsk($input: RequestClarificationInput!) {\n    requestClarification(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskAsk($input: RequestClarificationInput!) {\n    requestClarification(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskAnswer($input: AnswerClarificationInput!) {\n    answerClarification(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskAnswer($input: AnswerClarificationInput!) {\n    answerClarification(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskDecide($input: DecideApplicationInput!) {\n    decideApplication(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskDecide($input: DecideApplicationInput!) {\n    decideApplication(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskReady($input: ApplicationMoveInput!) {\n    markResultReady(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskReady($input: ApplicationMoveInput!) {\n    markResultReady(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskIssued($input: ApplicationMoveInput!) {\n    markIssued(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskIssued($input: ApplicationMoveInput!) {\n    markIssued(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskPaid($input: ApplicationMoveInput!) {\n    confirmPayment(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskPaid($input: ApplicationMoveInput!) {\n    confirmPayment(input: $input) {\n      application {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskAssign($input: AssignApplicationInput!) {\n    assignApplication(input: $input) {\n      application {\n        id\n        version\n        assignedTo\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskAssign($input: AssignApplicationInput!) {\n    assignApplication(input: $input) {\n      application {\n        id\n        version\n        assignedTo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskInbox($filter: ApplicationFilter, $after: String) {\n    applications(filter: $filter, first: 25, after: $after) {\n      nodes {\n        id\n        tracking\n        status\n        statusNameUk\n        statusNameEn\n        serviceNameUk\n        serviceNameEn\n        person {\n          fullName\n        }\n        channel\n        submittedAt\n        dueDate\n        overdue\n        paused\n        assignedTo\n      }\n      endCursor\n      hasNextPage\n      counts {\n        status\n        count\n      }\n      overdue\n    }\n    services(first: 100) {\n      nodes {\n        id\n        card {\n          nameUk\n          nameEn\n        }\n      }\n    }\n    me {\n      id\n    }\n    myPermissions {\n      object\n      action\n    }\n  }\n"): (typeof documents)["\n  query DeskInbox($filter: ApplicationFilter, $after: String) {\n    applications(filter: $filter, first: 25, after: $after) {\n      nodes {\n        id\n        tracking\n        status\n        statusNameUk\n        statusNameEn\n        serviceNameUk\n        serviceNameEn\n        person {\n          fullName\n        }\n        channel\n        submittedAt\n        dueDate\n        overdue\n        paused\n        assignedTo\n      }\n      endCursor\n      hasNextPage\n      counts {\n        status\n        count\n      }\n      overdue\n    }\n    services(first: 100) {\n      nodes {\n        id\n        card {\n          nameUk\n          nameEn\n        }\n      }\n    }\n    me {\n      id\n    }\n    myPermissions {\n      object\n      action\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntakeServices {\n    services(first: 100) {\n      nodes {\n        id\n        status\n        card {\n          code\n          nameUk\n          nameEn\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntakeServices {\n    services(first: 100) {\n      nodes {\n        id\n        status\n        card {\n          code\n          nameUk\n          nameEn\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntakeCard($id: ID!) {\n    service(id: $id) {\n      id\n      card {\n        rnokppOptional\n        documents {\n          name\n        }\n        formFields {\n          key\n          labelUk\n          labelEn\n          kind\n          required\n          options\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntakeCard($id: ID!) {\n    service(id: $id) {\n      id\n      card {\n        rnokppOptional\n        documents {\n          name\n        }\n        formFields {\n          key\n          labelUk\n          labelEn\n          kind\n          required\n          options\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntakeApplication($input: IntakeApplicationInput!) {\n    intakeApplication(input: $input) {\n      accessCode\n      statusUrl\n      application {\n        id\n        tracking\n        dueDate\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntakeApplication($input: IntakeApplicationInput!) {\n    intakeApplication(input: $input) {\n      accessCode\n      statusUrl\n      application {\n        id\n        tracking\n        dueDate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      user {\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      user {\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      accepted\n    }\n  }\n"): (typeof documents)["\n  mutation RequestReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      accepted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      user {\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      user {\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceCard($id: ID!) {\n    service(id: $id) {\n      id\n      standardServiceId\n      status\n      currentVersion\n      overriddenFields\n      card {\n        ...CardFields\n      }\n    }\n  }\n  fragment CardFields on ServiceCard {\n    code\n    nameUk\n    nameEn\n    category\n    lifeSituation\n    audience\n    legalBasis {\n      kind\n      number\n      date\n      title\n      url\n    }\n    grounds\n    documents {\n      name\n      requirements\n      originalRequired\n    }\n    submission\n    channels {\n      kind\n      url\n    }\n    cost {\n      free\n      feeIndividuals\n      feeBusinesses\n      paymentDetails\n      recipient\n      iban\n      edrpou\n      termFromPayment\n    }\n    term {\n      days\n      unit\n    }\n    result\n    resultDelivery\n    refusalGrounds\n    appeal\n    keywords\n    formFields {\n      key\n      labelUk\n      labelEn\n      kind\n      required\n      options\n    }\n    rnokppOptional\n  }\n"): (typeof documents)["\n  query ServiceCard($id: ID!) {\n    service(id: $id) {\n      id\n      standardServiceId\n      status\n      currentVersion\n      overriddenFields\n      card {\n        ...CardFields\n      }\n    }\n  }\n  fragment CardFields on ServiceCard {\n    code\n    nameUk\n    nameEn\n    category\n    lifeSituation\n    audience\n    legalBasis {\n      kind\n      number\n      date\n      title\n      url\n    }\n    grounds\n    documents {\n      name\n      requirements\n      originalRequired\n    }\n    submission\n    channels {\n      kind\n      url\n    }\n    cost {\n      free\n      feeIndividuals\n      feeBusinesses\n      paymentDetails\n      recipient\n      iban\n      edrpou\n      termFromPayment\n    }\n    term {\n      days\n      unit\n    }\n    result\n    resultDelivery\n    refusalGrounds\n    appeal\n    keywords\n    formFields {\n      key\n      labelUk\n      labelEn\n      kind\n      required\n      options\n    }\n    rnokppOptional\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StandardCard($id: ID!) {\n    standardService(id: $id) {\n      id\n      code\n      currentVersion\n      publishedVersion\n      card {\n        ...CardFields\n      }\n      publishedCard {\n        ...CardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query StandardCard($id: ID!) {\n    standardService(id: $id) {\n      id\n      code\n      currentVersion\n      publishedVersion\n      card {\n        ...CardFields\n      }\n      publishedCard {\n        ...CardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveStandard($input: UpdateStandardServiceInput!) {\n    updateStandardService(input: $input) {\n      standardService {\n        id\n        currentVersion\n        publishedVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveStandard($input: UpdateStandardServiceInput!) {\n    updateStandardService(input: $input) {\n      standardService {\n        id\n        currentVersion\n        publishedVersion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishStandard($input: IdInput!) {\n    publishStandardService(input: $input) {\n      standardService {\n        id\n        publishedVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishStandard($input: IdInput!) {\n    publishStandardService(input: $input) {\n      standardService {\n        id\n        publishedVersion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveService($input: UpdateServiceInput!) {\n    updateService(input: $input) {\n      service {\n        id\n        currentVersion\n        status\n        overriddenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveService($input: UpdateServiceInput!) {\n    updateService(input: $input) {\n      service {\n        id\n        currentVersion\n        status\n        overriddenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishCard($input: IdInput!) {\n    publishService(input: $input) {\n      service {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishCard($input: IdInput!) {\n    publishService(input: $input) {\n      service {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog {\n    standardServices(first: 100) {\n      nodes {\n        id\n        code\n        publishedVersion\n        card {\n          nameUk\n          category\n          term {\n            days\n            unit\n          }\n        }\n      }\n    }\n    services(first: 100) {\n      nodes {\n        id\n        standardServiceId\n        status\n        overriddenFields\n        card {\n          code\n          nameUk\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Catalog {\n    standardServices(first: 100) {\n      nodes {\n        id\n        code\n        publishedVersion\n        card {\n          nameUk\n          category\n          term {\n            days\n            unit\n          }\n        }\n      }\n    }\n    services(first: 100) {\n      nodes {\n        id\n        standardServiceId\n        status\n        overriddenFields\n        card {\n          code\n          nameUk\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Adopt($input: AdoptStandardServiceInput!) {\n    adoptStandardService(input: $input) {\n      service {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Adopt($input: AdoptStandardServiceInput!) {\n    adoptStandardService(input: $input) {\n      service {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishService($input: IdInput!) {\n    publishService(input: $input) {\n      service {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishService($input: IdInput!) {\n    publishService(input: $input) {\n      service {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Providers {\n    providers {\n      id\n      nameUk\n      edrpou\n      phone\n      email\n    }\n  }\n"): (typeof documents)["\n  query Providers {\n    providers {\n      id\n      nameUk\n      edrpou\n      phone\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      provider {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      provider {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StandardList {\n    standardServices(first: 100) {\n      nodes {\n        id\n        code\n        currentVersion\n        publishedVersion\n        card {\n          nameUk\n          category\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StandardList {\n    standardServices(first: 100) {\n      nodes {\n        id\n        code\n        currentVersion\n        publishedVersion\n        card {\n          nameUk\n          category\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStandard($input: CreateStandardServiceInput!) {\n    createStandardService(input: $input) {\n      standardService {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStandard($input: CreateStandardServiceInput!) {\n    createStandardService(input: $input) {\n      standardService {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cnaps($from: NaiveDate!, $to: NaiveDate!) {\n    cnaps {\n      ...Place\n    }\n    remoteWorkplaces {\n      ...Place\n    }\n    holidays(from: $from, to: $to) {\n      date\n      kind\n      nameUk\n      inherited\n    }\n  }\n  fragment Place on Cnap {\n    id\n    kind\n    nameUk\n    nameEn\n    addressUk\n    addressEn\n    lat\n    lon\n    phone\n    email\n    website\n    active\n    version\n    accessibility {\n      stepFree\n      floor\n      selfServiceTerminal\n      signLanguage\n    }\n    schedule {\n      mon { ...Day }\n      tue { ...Day }\n      wed { ...Day }\n      thu { ...Day }\n      fri { ...Day }\n      sat { ...Day }\n      sun { ...Day }\n    }\n    exceptions {\n      date\n      note\n      hours { ...Day }\n    }\n  }\n  fragment Day on DayHours {\n    open\n    close\n    breaks {\n      from\n      to\n    }\n  }\n"): (typeof documents)["\n  query Cnaps($from: NaiveDate!, $to: NaiveDate!) {\n    cnaps {\n      ...Place\n    }\n    remoteWorkplaces {\n      ...Place\n    }\n    holidays(from: $from, to: $to) {\n      date\n      kind\n      nameUk\n      inherited\n    }\n  }\n  fragment Place on Cnap {\n    id\n    kind\n    nameUk\n    nameEn\n    addressUk\n    addressEn\n    lat\n    lon\n    phone\n    email\n    website\n    active\n    version\n    accessibility {\n      stepFree\n      floor\n      selfServiceTerminal\n      signLanguage\n    }\n    schedule {\n      mon { ...Day }\n      tue { ...Day }\n      wed { ...Day }\n      thu { ...Day }\n      fri { ...Day }\n      sat { ...Day }\n      sun { ...Day }\n    }\n    exceptions {\n      date\n      note\n      hours { ...Day }\n    }\n  }\n  fragment Day on DayHours {\n    open\n    close\n    breaks {\n      from\n      to\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCnap($input: UpdateCnapInput!) {\n    updateCnap(input: $input) {\n      cnap {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCnap($input: UpdateCnapInput!) {\n    updateCnap(input: $input) {\n      cnap {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCalendarDay($input: SetCalendarDayInput!) {\n    setCalendarDay(input: $input) {\n      day {\n        date\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetCalendarDay($input: SetCalendarDayInput!) {\n    setCalendarDay(input: $input) {\n      day {\n        date\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MobileVisits {\n    mobileVisits {\n      id\n      placeUk\n      addressUk\n      startsAt\n      endsAt\n    }\n  }\n"): (typeof documents)["\n  query MobileVisits {\n    mobileVisits {\n      id\n      placeUk\n      addressUk\n      startsAt\n      endsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMobileVisit($input: CreateMobileVisitInput!) {\n    createMobileVisit(input: $input) {\n      mobileVisit {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMobileVisit($input: CreateMobileVisitInput!) {\n    createMobileVisit(input: $input) {\n      mobileVisit {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCnap($input: CreateCnapInput!) {\n    createCnap(input: $input) {\n      cnap {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCnap($input: CreateCnapInput!) {\n    createCnap(input: $input) {\n      cnap {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Checklist {\n    launchChecklist {\n      sections {\n        key\n        pageId\n        filled\n      }\n      cnaps\n      cnapsWithHours\n      standardServices\n      standardAdopted\n      hasBoundary\n      publicLayers\n      people\n      pendingInvitations\n      ready\n    }\n  }\n"): (typeof documents)["\n  query Checklist {\n    launchChecklist {\n      sections {\n        key\n        pageId\n        filled\n      }\n      cnaps\n      cnapsWithHours\n      standardServices\n      standardAdopted\n      hasBoundary\n      publicLayers\n      people\n      pendingInvitations\n      ready\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunitySites {\n    communitySites(first: 100) {\n      nodes {\n        community {\n          slug\n          nameUk\n          status\n        }\n        template\n        pagesPublished\n        newsPublished\n        missingSections\n        complete\n        lastUpdate\n      }\n    }\n    myPermissions {\n      object\n      action\n    }\n    catalogCoverage(first: 100) {\n      nodes {\n        community {\n          slug\n        }\n        standardTotal\n        offered\n      }\n    }\n    gisSummary {\n      slug\n      hasBoundary\n      totalParcelAreaHa\n      layers {\n        features\n        public\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommunitySites {\n    communitySites(first: 100) {\n      nodes {\n        community {\n          slug\n          nameUk\n          status\n        }\n        template\n        pagesPublished\n        newsPublished\n        missingSections\n        complete\n        lastUpdate\n      }\n    }\n    myPermissions {\n      object\n      action\n    }\n    catalogCoverage(first: 100) {\n      nodes {\n        community {\n          slug\n        }\n        standardTotal\n        offered\n      }\n    }\n    gisSummary {\n      slug\n      hasBoundary\n      totalParcelAreaHa\n      layers {\n        features\n        public\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCommunityStatus($input: SetCommunityStatusInput!) {\n    setCommunityStatus(input: $input) {\n      community {\n        slug\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetCommunityStatus($input: SetCommunityStatusInput!) {\n    setCommunityStatus(input: $input) {\n      community {\n        slug\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Codifier($query: String!) {\n    codifierHromadas(query: $query) {\n      code\n      name\n      raion\n      onboardedSlug\n      suggestedSlug\n      suggestedNameEn\n    }\n    siteTemplates {\n      key\n      nameUk\n    }\n  }\n"): (typeof documents)["\n  query Codifier($query: String!) {\n    codifierHromadas(query: $query) {\n      code\n      name\n      raion\n      onboardedSlug\n      suggestedSlug\n      suggestedNameEn\n    }\n    siteTemplates {\n      key\n      nameUk\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      community {\n        slug\n        nameUk\n        hosts\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      community {\n        slug\n        nameUk\n        hosts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LifeSituations {\n    lifeSituations {\n      id\n      slug\n      titleUk\n      titleEn\n      summaryUk\n      summaryEn\n      standardServiceIds\n      position\n      version\n    }\n    standardServices(first: 100) {\n      nodes {\n        id\n        code\n        publishedVersion\n        card {\n          nameUk\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LifeSituations {\n    lifeSituations {\n      id\n      slug\n      titleUk\n      titleEn\n      summaryUk\n      summaryEn\n      standardServiceIds\n      position\n      version\n    }\n    standardServices(first: 100) {\n      nodes {\n        id\n        code\n        publishedVersion\n        card {\n          nameUk\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveLifeSituation($input: SaveLifeSituationInput!) {\n    saveLifeSituation(input: $input) {\n      lifeSituation {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveLifeSituation($input: SaveLifeSituationInput!) {\n    saveLifeSituation(input: $input) {\n      lifeSituation {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteLifeSituation($input: DeleteLifeSituationInput!) {\n    deleteLifeSituation(input: $input) {\n      deleted\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteLifeSituation($input: DeleteLifeSituationInput!) {\n    deleteLifeSituation(input: $input) {\n      deleted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteTemplates {\n    siteTemplates {\n      key\n      nameUk\n      nameEn\n      builtin\n      sections\n    }\n  }\n"): (typeof documents)["\n  query SiteTemplates {\n    siteTemplates {\n      key\n      nameUk\n      nameEn\n      builtin\n      sections\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSiteTemplate($input: CreateSiteTemplateInput!) {\n    createSiteTemplate(input: $input) {\n      template {\n        key\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSiteTemplate($input: CreateSiteTemplateInput!) {\n    createSiteTemplate(input: $input) {\n      template {\n        key\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audit($after: String) {\n    auditLog(first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        tenantSlug\n        at\n        actorEmail\n        action\n        targetType\n        targetId\n      }\n    }\n  }\n"): (typeof documents)["\n  query Audit($after: String) {\n    auditLog(first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        tenantSlug\n        at\n        actorEmail\n        action\n        targetType\n        targetId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People {\n    tenant {\n      kind\n    }\n    providers {\n      id\n      nameUk\n    }\n    people {\n      holders {\n        userId\n        email\n        displayName\n        roles\n        since\n      }\n      invitations {\n        email\n        role\n        createdAt\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query People {\n    tenant {\n      kind\n    }\n    providers {\n      id\n      nameUk\n    }\n    people {\n      holders {\n        userId\n        email\n        displayName\n        roles\n        since\n      }\n      invitations {\n        email\n        role\n        createdAt\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Invite($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      email\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation Invite($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      email\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Grant($input: RoleInput!) {\n    grantRole(input: $input) {\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation Grant($input: RoleInput!) {\n    grantRole(input: $input) {\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Revoke($input: RoleInput!) {\n    revokeRole(input: $input) {\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation Revoke($input: RoleInput!) {\n    revokeRole(input: $input) {\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CounterPlaces {\n    cnaps {\n      id\n      nameUk\n      nameEn\n      active\n    }\n  }\n"): (typeof documents)["\n  query CounterPlaces {\n    cnaps {\n      id\n      nameUk\n      nameEn\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CounterQueue($cnapId: ID!) {\n    queueSettings(cnapId: $cnapId) {\n      version\n      workplaces {\n        id\n        nameUk\n        nameEn\n        active\n      }\n      services {\n        serviceId\n        group\n      }\n    }\n    queueBoard(cnapId: $cnapId) {\n      called {\n        id\n        ticket\n        status\n        booked\n        workplaceId\n        workplaceNameUk\n      }\n      waiting {\n        letter\n        waiting\n      }\n    }\n  }\n"): (typeof documents)["\n  query CounterQueue($cnapId: ID!) {\n    queueSettings(cnapId: $cnapId) {\n      version\n      workplaces {\n        id\n        nameUk\n        nameEn\n        active\n      }\n      services {\n        serviceId\n        group\n      }\n    }\n    queueBoard(cnapId: $cnapId) {\n      called {\n        id\n        ticket\n        status\n        booked\n        workplaceId\n        workplaceNameUk\n      }\n      waiting {\n        letter\n        waiting\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CounterCallNext($input: CallNextInput!) {\n    callNext(input: $input) {\n      visit {\n        id\n        ticket\n        status\n        booked\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CounterCallNext($input: CallNextInput!) {\n    callNext(input: $input) {\n      visit {\n        id\n        ticket\n        status\n        booked\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CounterStart($input: VisitStepInput!) {\n    startVisit(input: $input) {\n      visit {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CounterStart($input: VisitStepInput!) {\n    startVisit(input: $input) {\n      visit {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CounterFinish($input: VisitStepInput!) {\n    finishVisit(input: $input) {\n      visit {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CounterFinish($input: VisitStepInput!) {\n    finishVisit(input: $input) {\n      visit {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CounterNoShow($input: VisitStepInput!) {\n    markNoShow(input: $input) {\n      visit {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CounterNoShow($input: VisitStepInput!) {\n    markNoShow(input: $input) {\n      visit {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CounterTicket($input: IssueTicketInput!) {\n    issueTicket(input: $input) {\n      visit {\n        ticket\n        ahead\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CounterTicket($input: IssueTicketInput!) {\n    issueTicket(input: $input) {\n      visit {\n        ticket\n        ahead\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CounterCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) {\n      visit {\n        ticket\n        ahead\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CounterCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) {\n      visit {\n        ticket\n        ahead\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueSetupPlaces {\n    cnaps {\n      id\n      nameUk\n      nameEn\n      active\n    }\n  }\n"): (typeof documents)["\n  query QueueSetupPlaces {\n    cnaps {\n      id\n      nameUk\n      nameEn\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueSetup($cnapId: ID!) {\n    queueSettings(cnapId: $cnapId) {\n      cnapId\n      version\n      horizonDays\n      walkInPercent\n      checkInMinutes\n      callRule\n      groups {\n        letter\n        nameUk\n        nameEn\n      }\n      workplaces {\n        id\n        nameUk\n        nameEn\n        groups\n        active\n      }\n      services {\n        serviceId\n        group\n        minutes\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueSetup($cnapId: ID!) {\n    queueSettings(cnapId: $cnapId) {\n      cnapId\n      version\n      horizonDays\n      walkInPercent\n      checkInMinutes\n      callRule\n      groups {\n        letter\n        nameUk\n        nameEn\n      }\n      workplaces {\n        id\n        nameUk\n        nameEn\n        groups\n        active\n      }\n      services {\n        serviceId\n        group\n        minutes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueueSetupSave($input: UpdateQueueSettingsInput!) {\n    updateQueueSettings(input: $input) {\n      bookingsChanged\n      settings {\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QueueSetupSave($input: UpdateQueueSettingsInput!) {\n    updateQueueSettings(input: $input) {\n      bookingsChanged\n      settings {\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueStatsPlaces {\n    cnaps {\n      id\n      nameUk\n      nameEn\n    }\n    tenant {\n      kind\n    }\n  }\n"): (typeof documents)["\n  query QueueStatsPlaces {\n    cnaps {\n      id\n      nameUk\n      nameEn\n    }\n    tenant {\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueStatsScreen($cnapId: ID, $from: NaiveDate!, $to: NaiveDate!, $by: QueueStatsBy!) {\n    queueStats(cnapId: $cnapId, from: $from, to: $to, by: $by) {\n      rows {\n        ...QueueStatsLine\n      }\n      total {\n        ...QueueStatsLine\n      }\n      bookings {\n        booked\n        used\n        noShows\n        cancelled\n      }\n    }\n  }\n  fragment QueueStatsLine on QueueStatsRow {\n    key\n    visits\n    served\n    noShows\n    waitMedianMinutes\n    waitP90Minutes\n    serviceMedianMinutes\n    serviceP90Minutes\n    waitedWithin15Percent\n  }\n"): (typeof documents)["\n  query QueueStatsScreen($cnapId: ID, $from: NaiveDate!, $to: NaiveDate!, $by: QueueStatsBy!) {\n    queueStats(cnapId: $cnapId, from: $from, to: $to, by: $by) {\n      rows {\n        ...QueueStatsLine\n      }\n      total {\n        ...QueueStatsLine\n      }\n      bookings {\n        booked\n        used\n        noShows\n        cancelled\n      }\n    }\n  }\n  fragment QueueStatsLine on QueueStatsRow {\n    key\n    visits\n    served\n    noShows\n    waitMedianMinutes\n    waitP90Minutes\n    serviceMedianMinutes\n    serviceP90Minutes\n    waitedWithin15Percent\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MediaLibrary {\n    mediaItems(first: 100) {\n      nodes {\n        id\n        kind\n        fileName\n        contentType\n        byteSize\n        title\n        altUk\n        altEn\n        width\n        height\n        url\n        variants {\n          width\n          url\n        }\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query MediaLibrary {\n    mediaItems(first: 100) {\n      nodes {\n        id\n        kind\n        fileName\n        contentType\n        byteSize\n        title\n        altUk\n        altEn\n        width\n        height\n        url\n        variants {\n          width\n          url\n        }\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMedia($input: UpdateMediaInput!) {\n    updateMedia(input: $input) {\n      mediaItem {\n        id\n        altUk\n        altEn\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMedia($input: UpdateMediaInput!) {\n    updateMedia(input: $input) {\n      mediaItem {\n        id\n        altUk\n        altEn\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewsList {\n    newsPosts(first: 50) {\n      nodes {\n        id\n        slug\n        version\n        status\n        titleUk\n        date\n        publishedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query NewsList {\n    newsPosts(first: 50) {\n      nodes {\n        id\n        slug\n        version\n        status\n        titleUk\n        date\n        publishedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNews($input: CreateNewsPostInput!) {\n    createNewsPost(input: $input) {\n      newsPost {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateNews($input: CreateNewsPostInput!) {\n    createNewsPost(input: $input) {\n      newsPost {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishNews($input: PublishInput!) {\n    publishNewsPost(input: $input) {\n      newsPost {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishNews($input: PublishInput!) {\n    publishNewsPost(input: $input) {\n      newsPost {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditNews($id: ID!) {\n    newsPost(id: $id) {\n      id\n      slug\n      version\n      status\n      titleUk\n      titleEn\n      leadUk\n      bodyUk\n      coverId\n      coverAltUk\n      publishedAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query EditNews($id: ID!) {\n    newsPost(id: $id) {\n      id\n      slug\n      version\n      status\n      titleUk\n      titleEn\n      leadUk\n      bodyUk\n      coverId\n      coverAltUk\n      publishedAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveNews($input: UpdateNewsPostInput!) {\n    updateNewsPost(input: $input) {\n      newsPost {\n        id\n        version\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveNews($input: UpdateNewsPostInput!) {\n    updateNewsPost(input: $input) {\n      newsPost {\n        id\n        version\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishNewsItem($input: PublishInput!) {\n    publishNewsPost(input: $input) {\n      newsPost {\n        id\n        version\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishNewsItem($input: PublishInput!) {\n    publishNewsPost(input: $input) {\n      newsPost {\n        id\n        version\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishNews($input: UnpublishInput!) {\n    unpublishNewsPost(input: $input) {\n      newsPost {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnpublishNews($input: UnpublishInput!) {\n    unpublishNewsPost(input: $input) {\n      newsPost {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditPage($id: ID!) {\n    page(id: $id) {\n      id\n      slug\n      section\n      version\n      status\n      hasUnpublishedChanges\n      titleUk\n      titleEn\n      descriptionUk\n      descriptionEn\n      blocks\n      publishedAt\n      scheduledAt\n      updatedAt\n    }\n    blockSchema\n    mediaItems(first: 100) {\n      nodes {\n        id\n        kind\n        fileName\n        title\n      }\n    }\n    cnaps {\n      id\n      nameUk\n    }\n    layers {\n      id\n      nameUk\n    }\n  }\n"): (typeof documents)["\n  query EditPage($id: ID!) {\n    page(id: $id) {\n      id\n      slug\n      section\n      version\n      status\n      hasUnpublishedChanges\n      titleUk\n      titleEn\n      descriptionUk\n      descriptionEn\n      blocks\n      publishedAt\n      scheduledAt\n      updatedAt\n    }\n    blockSchema\n    mediaItems(first: 100) {\n      nodes {\n        id\n        kind\n        fileName\n        title\n      }\n    }\n    cnaps {\n      id\n      nameUk\n    }\n    layers {\n      id\n      nameUk\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PageRevisions($id: ID!) {\n    pageRevisions(pageId: $id, first: 20) {\n      nodes {\n        id\n        version\n        action\n        at\n        titleUk\n        blocks\n      }\n    }\n  }\n"): (typeof documents)["\n  query PageRevisions($id: ID!) {\n    pageRevisions(pageId: $id, first: 20) {\n      nodes {\n        id\n        version\n        action\n        at\n        titleUk\n        blocks\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SavePage($input: UpdatePageInput!) {\n    updatePage(input: $input) {\n      page {\n        id\n        version\n        status\n        hasUnpublishedChanges\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SavePage($input: UpdatePageInput!) {\n    updatePage(input: $input) {\n      page {\n        id\n        version\n        status\n        hasUnpublishedChanges\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishPage($input: PublishInput!) {\n    publishPage(input: $input) {\n      page {\n        id\n        version\n        status\n        hasUnpublishedChanges\n        publishedAt\n        scheduledAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishPage($input: PublishInput!) {\n    publishPage(input: $input) {\n      page {\n        id\n        version\n        status\n        hasUnpublishedChanges\n        publishedAt\n        scheduledAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishPage($input: UnpublishInput!) {\n    unpublishPage(input: $input) {\n      page {\n        id\n        version\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnpublishPage($input: UnpublishInput!) {\n    unpublishPage(input: $input) {\n      page {\n        id\n        version\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreRevision($input: RestoreRevisionInput!) {\n    restoreRevision(input: $input) {\n      page {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreRevision($input: RestoreRevisionInput!) {\n    restoreRevision(input: $input) {\n      page {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SharePreview($input: CreatePreviewLinkInput!) {\n    createPreviewLink(input: $input) {\n      path\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation SharePreview($input: CreatePreviewLinkInput!) {\n    createPreviewLink(input: $input) {\n      path\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SitePages {\n    pages(first: 100) {\n      nodes {\n        id\n        parentId\n        slug\n        position\n        section\n        version\n        status\n        hasUnpublishedChanges\n        titleUk\n      }\n    }\n  }\n"): (typeof documents)["\n  query SitePages {\n    pages(first: 100) {\n      nodes {\n        id\n        parentId\n        slug\n        position\n        section\n        version\n        status\n        hasUnpublishedChanges\n        titleUk\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MovePage($input: UpdatePageInput!) {\n    updatePage(input: $input) {\n      page {\n        id\n        parentId\n        position\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MovePage($input: UpdatePageInput!) {\n    updatePage(input: $input) {\n      page {\n        id\n        parentId\n        position\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePage($input: CreatePageInput!) {\n    createPage(input: $input) {\n      page {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePage($input: CreatePageInput!) {\n    createPage(input: $input) {\n      page {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteSettings {\n    site {\n      version\n      theme {\n        scheme\n        logoId\n        faviconId\n      }\n      schemes {\n        key\n        nameUk\n        primary\n      }\n    }\n    menus {\n      key\n      version\n      items\n    }\n    pages(first: 100) {\n      nodes {\n        id\n        titleUk\n      }\n    }\n    mediaItems(kind: IMAGE, first: 100) {\n      nodes {\n        id\n        title\n        fileName\n      }\n    }\n    myPermissions {\n      object\n      action\n    }\n  }\n"): (typeof documents)["\n  query SiteSettings {\n    site {\n      version\n      theme {\n        scheme\n        logoId\n        faviconId\n      }\n      schemes {\n        key\n        nameUk\n        primary\n      }\n    }\n    menus {\n      key\n      version\n      items\n    }\n    pages(first: 100) {\n      nodes {\n        id\n        titleUk\n      }\n    }\n    mediaItems(kind: IMAGE, first: 100) {\n      nodes {\n        id\n        title\n        fileName\n      }\n    }\n    myPermissions {\n      object\n      action\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTheme($input: UpdateThemeInput!) {\n    updateTheme(input: $input) {\n      site {\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTheme($input: UpdateThemeInput!) {\n    updateTheme(input: $input) {\n      site {\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMenu($input: UpdateMenuInput!) {\n    updateMenu(input: $input) {\n      menu {\n        key\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMenu($input: UpdateMenuInput!) {\n    updateMenu(input: $input) {\n      menu {\n        key\n        version\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;